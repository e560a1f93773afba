using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Me;

public sealed record MyActivity(int RequestId, string Title, string Place, DateTimeOffset Start, DateTimeOffset End);

public sealed record MyOverview(
    string Name, string Furigana, Core.Common.Program Programs, RegistrantStatus Status, string AreaJa, string AreaEn,
    int MonthlyCap, IReadOnlyList<string> SkillsJa, IReadOnlyList<string> SkillsEn, int PendingOffers, IReadOnlyList<MyActivity> Upcoming);

/// <summary>The signed-in registrant's own summary. Only ever their own record.</summary>
public sealed class MyOverviewService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<MyOverview?> GetAsync(CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Registrant);
        if (user.RegistrantId is not { } id)
        {
            return null;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var me = await db.Registrants.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (me is null)
        {
            return null;
        }
        var area = await db.Areas.SingleAsync(a => a.Id == me.HomeAreaId, cancellationToken);
        var tagIds = me.Skills.Select(s => s.TagId).ToList();
        var tags = await db.SkillTags.Where(t => tagIds.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var pending = await db.Offers.CountAsync(o => o.RegistrantId == id && o.State == OfferState.Offered, cancellationToken);
        var now = clock.GetUtcNow();
        var upcoming = (await UpcomingActivities.OfAsync(db, [id], now, cancellationToken))[id].Take(10).ToList();
        return new MyOverview(me.Name, me.Furigana, me.Programs, me.Status, area.NameJa, area.NameEn, me.MonthlyCap,
            tags.Select(t => t.NameJa).ToList(), tags.Select(t => t.NameEn).ToList(), pending, upcoming);
    }
}
