using KyodoHub.Core.Registrants;
using KyodoHub.Core.Text;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Forms;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Desk;

public sealed record RegistrantHit(int Id, string Name, string Furigana, string AreaJa, string AreaEn, Core.Common.Program Programs, RegistrantStatus Status, string? Phone, IReadOnlyList<string> SkillsJa, IReadOnlyList<string> SkillsEn);

public sealed record SearchPage(IReadOnlyList<RegistrantHit> Hits, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Finds registrants by name, furigana or skill (kana and width folded: やまだ finds 山田 through
/// ヤマダ, ｽﾎﾟｰﾂ finds スポーツ), area and programme, a page at a time. Staff only; each search that
/// returns contact details is written to the audit log.
/// </summary>
public sealed class RegistrantSearchService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, ReferenceData reference, ClientInfo client, TimeProvider clock)
{
    public const int DefaultPageSize = 20;

    public async Task<SearchPage> SearchAsync(string? text, int? areaId, Core.Common.Program? program, int page = 1, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.DeskStaff, Roles.Coordinator, Roles.Administrator);
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var lists = await reference.LoadAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Registrants.AsNoTracking();
        var folded = TextFolding.Fold(text);
        if (folded.Length > 0)
        {
            var tagIds = lists.MatchingTags(text).Select(t => t.Id).ToList();
            query = query.Where(r => r.SearchKey.Contains(folded) || r.Skills.Any(s => tagIds.Contains(s.TagId)));
        }
        if (areaId is { } area)
        {
            query = query.Where(r => r.HomeAreaId == area);
        }
        if (program is { } p)
        {
            query = query.Where(r => (r.Programs & p) != 0);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(r => r.Furigana).ThenBy(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var areas = lists.Areas.ToDictionary(a => a.Id);
        var tags = lists.Tags.ToDictionary(t => t.Id);
        if (rows.Count > 0)
        {
            db.AuditEntries.Add(new Core.Audit.AuditEntry(clock.GetUtcNow(), user.UserId, user.UserName, "SearchContacts", "Registrant",
                null, client.Address, $"q={text} area={areaId} program={program} page={page} ids={string.Join(',', rows.Select(r => r.Id))}"));
            await db.SaveChangesAsync(cancellationToken);
        }
        return new SearchPage(rows.Select(r => new RegistrantHit(r.Id, r.Name, r.Furigana, areas[r.HomeAreaId].NameJa, areas[r.HomeAreaId].NameEn,
            r.Programs, r.Status, r.Phone,
            r.Skills.Where(s => tags.ContainsKey(s.TagId)).Select(s => tags[s.TagId].NameJa).ToList(),
            r.Skills.Where(s => tags.ContainsKey(s.TagId)).Select(s => tags[s.TagId].NameEn).ToList())).ToList(), total, page, pageSize);
    }
}
