using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Me;

/// <summary>An offer in the registrant's inbox: what, where, when, for whom, and until when to answer.</summary>
public sealed record InboxOffer(
    int OfferId, int RequestId, string Title, string Description, string GroupName, string Place, string AreaJa, string AreaEn,
    IReadOnlyList<RequestSession> Sessions, DateTimeOffset ExpiresAt, DateTimeOffset SentAt);

public sealed record Inbox(IReadOnlyList<InboxOffer> Pending, IReadOnlyList<MyActivity> Upcoming);

/// <summary>The signed-in registrant's pending offers and upcoming activities. Only their own.</summary>
public sealed class MyOffersService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Inbox> GetAsync(CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Registrant);
        if (user.RegistrantId is not { } id)
        {
            return new Inbox([], []);
        }
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = await (
                from o in db.Offers
                join r in db.Requests on o.RequestId equals r.Id
                join g in db.Groups on r.GroupId equals g.Id
                join a in db.Areas on r.AreaId equals a.Id
                where o.RegistrantId == id && o.State == OfferState.Offered
                orderby o.ExpiresAt
                select new { o, r, GroupName = g.Name, a.NameJa, a.NameEn })
            .AsNoTracking().ToListAsync(cancellationToken);
        var upcoming = await UpcomingActivities.OfAsync(db, [id], now, cancellationToken);
        return new Inbox(
            pending.Where(x => x.o.ExpiresAt > now)
                .Select(x => new InboxOffer(x.o.Id, x.r.Id, x.r.Title, x.r.Description, x.GroupName, x.r.Place, x.NameJa, x.NameEn,
                    x.r.Sessions, x.o.ExpiresAt, x.o.SentAt)).ToList(),
            upcoming[id].ToList());
    }
}
