using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Coordinator;

/// <summary>A request as a row of the coordinator's list.</summary>
public sealed record RequestRow(
    int Id, string Title, string GroupName, string AreaJa, string AreaEn, RequestState State,
    int Headcount, int FilledCount, DateTimeOffset FirstStart, DateTimeOffset FillBy, DateTimeOffset CreatedAt, Core.Common.Program Programs);

/// <summary>What the coordinator's home shows: counts per state and the newest requests.</summary>
public sealed record CoordinatorOverview(IReadOnlyDictionary<RequestState, int> CountsByState, IReadOnlyList<RequestRow> Newest);

public sealed class CoordinatorOverviewService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser)
{
    public async Task<CoordinatorOverview> GetAsync(int take = 30, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Requests.GroupBy(r => r.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.State, x => x.Count, cancellationToken);
        var rows = await (
                from r in db.Requests
                join g in db.Groups on r.GroupId equals g.Id
                join a in db.Areas on r.AreaId equals a.Id
                orderby r.CreatedAt descending, r.Id descending
                select new { r, GroupName = g.Name, a.NameJa, a.NameEn })
            .Take(take)
            .ToListAsync(cancellationToken);
        var newest = rows.Select(x => new RequestRow(
            x.r.Id, x.r.Title, x.GroupName, x.NameJa, x.NameEn, x.r.State, x.r.Headcount, x.r.FilledCount,
            x.r.FirstStart, x.r.FillBy, x.r.CreatedAt, x.r.Programs)).ToList();
        return new CoordinatorOverview(counts, newest);
    }
}
