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

/// <summary>
/// An offer taken back from the registrant, an activity of theirs cancelled, or an answer of theirs
/// that the desk recorded by phone (<paramref name="ByPhone"/>: accepted or declined), lately: a notice in the inbox.
/// </summary>
public sealed record InboxNotice(int OfferId, string Title, bool AssignmentCancelled, DateTimeOffset At, string? Reason, OfferState? ByPhone = null);

public sealed record Inbox(IReadOnlyList<InboxOffer> Pending, IReadOnlyList<MyActivity> Upcoming, IReadOnlyList<InboxNotice>? Notices = null);

/// <summary>The signed-in registrant's pending offers and upcoming activities. Only their own.</summary>
public sealed class MyOffersService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>How long a withdrawn offer or a cancelled activity stays in the inbox as a notice.</summary>
    public static readonly TimeSpan NoticeDays = TimeSpan.FromDays(14);

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
        var since = now - NoticeDays;
        var withdrawn = await (
                from o in db.Offers
                join r in db.Requests on o.RequestId equals r.Id
                where o.RegistrantId == id && o.State == OfferState.Withdrawn && o.AnsweredAt >= since
                select new InboxNotice(o.Id, r.Title, false, o.AnsweredAt!.Value, null))
            .AsNoTracking().ToListAsync(cancellationToken);
        var cancelled = await (
                from a in db.Assignments
                join r in db.Requests on a.RequestId equals r.Id
                where a.RegistrantId == id && a.State == AssignmentState.Cancelled && a.ClosedAt >= since
                select new InboxNotice(a.OfferId, r.Title, true, a.ClosedAt!.Value, a.CancelReason))
            .AsNoTracking().ToListAsync(cancellationToken);
        // Who at the desk recorded it stays with staff; the registrant sees that the desk did, and when.
        var byPhone = await (
                from o in db.Offers
                join r in db.Requests on o.RequestId equals r.Id
                where o.RegistrantId == id && o.AnsweredVia == AnswerChannel.Phone && o.AnsweredAt >= since
                select new InboxNotice(o.Id, r.Title, false, o.AnsweredAt!.Value, o.DeclineReason, o.State))
            .AsNoTracking().ToListAsync(cancellationToken);
        return new Inbox(
            pending.Where(x => x.o.ExpiresAt > now)
                .Select(x => new InboxOffer(x.o.Id, x.r.Id, x.r.Title, x.r.Description, x.GroupName, x.r.Place, x.NameJa, x.NameEn,
                    x.r.Sessions, x.o.ExpiresAt, x.o.SentAt)).ToList(),
            upcoming[id].ToList(),
            withdrawn.Concat(cancelled).Concat(byPhone).OrderByDescending(n => n.At).ThenByDescending(n => n.OfferId).ToList());
    }
}
