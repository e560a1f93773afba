using KyodoHub.Core.Evaluations;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Public;

/// <summary>
/// What anyone may read without signing in (guideline §3(1)⑤ and §3(3)): open requests without
/// personal data, and evaluation results aggregated by category and town. Only evaluations whose
/// authors consented are counted; comments are never published.
/// </summary>
public sealed class PublicResultsService(IDbContextFactory<KyodoDbContext> factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<PublicOpenRequest>> OpenRequestsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from r in db.Requests
                join g in db.Groups on r.GroupId equals g.Id
                join c in db.SkillCategories on r.CategoryId equals c.Id
                join a in db.Areas on r.AreaId equals a.Id
                where r.State == RequestState.Open || r.State == RequestState.PartiallyFilled
                select new { r, g.Kind, CategoryJa = c.NameJa, CategoryEn = c.NameEn, AreaJa = a.NameJa, AreaEn = a.NameEn })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Where(x => x.r.FillBy > now)
            .Select(x => new PublicOpenRequest(x.r.Id, x.r.Title, x.CategoryJa, x.CategoryEn, x.AreaJa, x.AreaEn, x.r.Programs, x.Kind,
                x.r.FirstStart, x.r.Sessions[0].End, x.r.Sessions.Count, x.r.OpenSeats, x.r.FillBy))
            .OrderBy(x => x.FirstStart).ThenBy(x => x.Id).ToList();
    }

    /// <summary>An open request's public details; <c>null</c> for an unknown id or a request no longer open to residents.</summary>
    public async Task<PublicRequestDetail?> OpenRequestAsync(int id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await (
                from r in db.Requests
                join g in db.Groups on r.GroupId equals g.Id
                join c in db.SkillCategories on r.CategoryId equals c.Id
                join a in db.Areas on r.AreaId equals a.Id
                where r.Id == id && (r.State == RequestState.Open || r.State == RequestState.PartiallyFilled)
                select new { r, g.Kind, CategoryJa = c.NameJa, CategoryEn = c.NameEn, AreaJa = a.NameJa, AreaEn = a.NameEn })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (row is null || row.r.FillBy <= now)
        {
            return null;
        }
        var skillIds = row.r.RequiredSkillIds;
        var skills = await db.SkillTags.AsNoTracking().Where(t => skillIds.Contains(t.Id)).OrderBy(t => t.Id)
            .Select(t => new { t.NameJa, t.NameEn }).ToListAsync(cancellationToken);
        return new PublicRequestDetail(row.r.Id, row.r.Title, row.CategoryJa, row.CategoryEn, row.AreaJa, row.AreaEn, row.r.Programs, row.Kind,
            row.r.Sessions.ToList(), row.r.Headcount, row.r.OpenSeats, row.r.FillBy, skills.Select(t => (t.NameJa, t.NameEn)).ToList());
    }

    public async Task<PublicResults> ResultsAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var requests = await db.Requests.AsNoTracking().Where(r => r.State != RequestState.Cancelled).ToListAsync(cancellationToken);
        var published = await db.Evaluations.AsNoTracking().Where(e => e.ConsentToPublish).ToListAsync(cancellationToken);
        var categories = await db.SkillCategories.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var requestById = requests.ToDictionary(r => r.Id);
        var evaluations = published.Where(e => requestById.ContainsKey(e.RequestId)).ToList();

        ResultRow Row(string ja, string en, Func<Request, bool> include)
        {
            var mine = requests.Where(include).ToList();
            var ids = mine.Select(r => r.Id).ToHashSet();
            var evals = evaluations.Where(e => ids.Contains(e.RequestId)).ToList();
            return new ResultRow(ja, en, mine.Count, mine.Count(r => FillRate.IsDecided(r, now)), mine.Count(r => FillRate.IsDecided(r, now) && FillRate.IsFilled(r)),
                evals.Count,
                evals.Count == 0 ? null : evals.Average(e => e.GoalsMet),
                evals.Count == 0 ? null : evals.Average(e => e.Rating),
                evals.Count == 0 ? null : (double)evals.Count(e => e.Synergy == SynergyAnswer.Yes) / evals.Count);
        }

        return new PublicResults(
            Row("", "", _ => true),
            categories.Select(c => Row(c.NameJa, c.NameEn, r => r.CategoryId == c.Id)).Where(r => r.Requests > 0).ToList(),
            areas.Select(a => Row(a.NameJa, a.NameEn, r => r.AreaId == a.Id)).Where(r => r.Requests > 0).ToList());
    }
}
