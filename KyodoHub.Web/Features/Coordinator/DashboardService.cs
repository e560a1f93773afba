using KyodoHub.Core.Areas;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Core.Skills;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Coordinator;

/// <summary>A request as a row or card of a list.</summary>
public sealed record RequestRow(
    int Id, string Title, string GroupName, int AreaId, string AreaJa, string AreaEn, int CategoryId, RequestState State,
    int Headcount, int FilledCount, DateTimeOffset FirstStart, DateTimeOffset FillBy, DateTimeOffset CreatedAt, Core.Common.Program Programs);

/// <summary>How soon a request must be filled.</summary>
public enum Urgency
{
    Overdue = 0,
    Within3Days = 1,
    Within7Days = 2,
    Later = 3,
}

/// <summary>
/// What the dashboard lists. Without a state, only the requests that need action (they need people,
/// or an offer on them waits for an answer), unless <paramref name="All"/> asks for every state.
/// </summary>
public sealed record DashboardFilter(
    RequestState? State = null, int? AreaId = null, int? CategoryId = null, Core.Common.Program? Program = null, Urgency? Urgency = null, bool All = false);

public sealed record DashboardData(IReadOnlyList<RequestRow> Rows, IReadOnlyDictionary<RequestState, int> CountsByState, int TotalMatching);

/// <summary>The coordinator dashboard's queries: the filtered list, counts per state, one row.</summary>
public sealed class DashboardService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The counts per state, how many requests match the filter, and one page of them, newest first.</summary>
    public async Task<DashboardData> LoadAsync(DashboardFilter filter, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var counts = await db.Requests.GroupBy(r => r.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.State, x => x.Count, cancellationToken);
        var query = Filtered(db, db.Requests, filter, clock.GetUtcNow());
        var total = await query.CountAsync(cancellationToken);
        var rows = take == 0 ? [] : await Rows(db, query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip(skip).Take(take), cancellationToken);
        return new DashboardData(rows, counts, total);
    }

    /// <summary>One request's row, or null when it no longer matches the filter.</summary>
    public async Task<RequestRow?> RowAsync(int requestId, DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Coordinator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, db.Requests.Where(r => r.Id == requestId), filter, clock.GetUtcNow());
        return (await Rows(db, query, cancellationToken)).SingleOrDefault();
    }

    public async Task<(IReadOnlyList<Area> Areas, IReadOnlyList<SkillCategory> Categories)> FilterOptionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken),
                await db.SkillCategories.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken));
    }

    public static Urgency UrgencyOf(DateTimeOffset fillBy, DateTimeOffset now) =>
        fillBy < now ? Urgency.Overdue
        : fillBy <= now.AddDays(3) ? Urgency.Within3Days
        : fillBy <= now.AddDays(7) ? Urgency.Within7Days
        : Urgency.Later;

    // Requests that still need people. A request in any other state needs action too while an
    // offer on it waits for an answer.
    private static readonly RequestState[] NeedingPeople = [RequestState.Open, RequestState.PartiallyFilled];

    private static IQueryable<Request> Filtered(KyodoDbContext db, IQueryable<Request> query, DashboardFilter f, DateTimeOffset now)
    {
        if (f.State is { } state)
        {
            query = query.Where(r => r.State == state);
        }
        else if (!f.All)
        {
            query = query.Where(r => NeedingPeople.Contains(r.State)
                || db.Offers.Any(o => o.RequestId == r.Id && o.State == OfferState.Offered));
        }
        if (f.AreaId is { } area)
        {
            query = query.Where(r => r.AreaId == area);
        }
        if (f.CategoryId is { } category)
        {
            query = query.Where(r => r.CategoryId == category);
        }
        if (f.Program is { } program)
        {
            query = query.Where(r => (r.Programs & program) != 0);
        }
        if (f.Urgency is { } urgency)
        {
            // Urgency is about requests that still need people.
            query = query.Where(r => NeedingPeople.Contains(r.State));
            var in3 = now.AddDays(3);
            var in7 = now.AddDays(7);
            query = urgency switch
            {
                Urgency.Overdue => query.Where(r => r.FillBy < now),
                Urgency.Within3Days => query.Where(r => r.FillBy >= now && r.FillBy <= in3),
                Urgency.Within7Days => query.Where(r => r.FillBy > in3 && r.FillBy <= in7),
                _ => query.Where(r => r.FillBy > in7),
            };
        }
        return query;
    }

    internal static async Task<List<RequestRow>> Rows(KyodoDbContext db, IQueryable<Request> query, CancellationToken cancellationToken)
    {
        var rows = await (
                from r in query
                join g in db.Groups on r.GroupId equals g.Id
                join a in db.Areas on r.AreaId equals a.Id
                select new { r, GroupName = g.Name, a.NameJa, a.NameEn })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return rows.Select(x => new RequestRow(
            x.r.Id, x.r.Title, x.GroupName, x.r.AreaId, x.NameJa, x.NameEn, x.r.CategoryId, x.r.State, x.r.Headcount, x.r.FilledCount,
            x.r.FirstStart, x.r.FillBy, x.r.CreatedAt, x.r.Programs)).ToList();
    }
}
