using KyodoHub.Core.Registrants;
using KyodoHub.Core.Text;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Desk;

public sealed record RegistrantHit(int Id, string Name, string Furigana, string AreaJa, string AreaEn, Core.Common.Program Programs, RegistrantStatus Status, IReadOnlyList<string> SkillsJa, IReadOnlyList<string> SkillsEn);

/// <summary>What the desk searched for: text (name, furigana, number or skill), area and programme.</summary>
public sealed record RegistrantQuery(string? Text, int? AreaId = null, Core.Common.Program? Program = null);

/// <summary>One page of a search, with the search's total (counted once, when the search ran).</summary>
public sealed record SearchPage(RegistrantQuery Query, IReadOnlyList<RegistrantHit> Hits, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Finds registrants by name, furigana or skill (kana and width folded: やまだ finds 山田 through
/// ヤマダ, ｽﾎﾟｰﾂ finds スポーツ), area and programme, a page at a time. A search counts its matches
/// once; turning its pages reuses that total, so a large registry is counted once, not per page.
/// Staff only. Hits carry no contact details: the registrant's page shows them one person at a
/// time, and audits each view.
/// </summary>
public sealed class RegistrantSearchService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, ReferenceData reference)
{
    public const int DefaultPageSize = 20;

    /// <summary>Runs a new search: counts its matches and reads the given page.</summary>
    public Task<SearchPage> SearchAsync(RegistrantQuery query, int page = 1, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default) =>
        ReadAsync(query, page, pageSize, knownTotal: null, cancellationToken);

    /// <summary>Another page of a search already run, with the total it counted.</summary>
    public Task<SearchPage> TurnToAsync(SearchPage current, int page, CancellationToken cancellationToken = default) =>
        ReadAsync(current.Query, page, current.PageSize, current.Total, cancellationToken);

    private async Task<SearchPage> ReadAsync(RegistrantQuery search, int page, int pageSize, int? knownTotal, CancellationToken cancellationToken)
    {
        (await currentUser.GetAsync()).Require(Roles.DeskStaff, Roles.Coordinator, Roles.Administrator);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var lists = await reference.LoadAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = Filter(db.Registrants.AsNoTracking(), search, lists);
        var total = knownTotal ?? await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(r => r.Furigana).ThenBy(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var areas = lists.Areas.ToDictionary(a => a.Id);
        var tags = lists.Tags.ToDictionary(t => t.Id);
        return new SearchPage(search, rows.Select(r => new RegistrantHit(r.Id, r.Name, r.Furigana, areas[r.HomeAreaId].NameJa, areas[r.HomeAreaId].NameEn,
            r.Programs, r.Status,
            r.Skills.Where(s => tags.ContainsKey(s.TagId)).Select(s => tags[s.TagId].NameJa).ToList(),
            r.Skills.Where(s => tags.ContainsKey(s.TagId)).Select(s => tags[s.TagId].NameEn).ToList())).ToList(), total, page, pageSize);
    }

    private static IQueryable<Registrant> Filter(IQueryable<Registrant> query, RegistrantQuery search, ReferenceLists lists)
    {
        var folded = TextFolding.Fold(search.Text);
        if (folded.Length > 0)
        {
            var tagIds = lists.MatchingTags(search.Text).Select(t => t.Id).ToList();
            query = tagIds.Count == 0
                ? query.Where(r => r.SearchKey.Contains(folded))
                : query.Where(r => r.SearchKey.Contains(folded) || r.Skills.Any(s => tagIds.Contains(s.TagId)));
        }
        if (search.AreaId is { } area)
        {
            query = query.Where(r => r.HomeAreaId == area);
        }
        if (search.Program is { } p)
        {
            query = query.Where(r => (r.Programs & p) != 0);
        }
        return query;
    }
}
