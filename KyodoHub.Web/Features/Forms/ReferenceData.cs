using KyodoHub.Core.Areas;
using KyodoHub.Core.Skills;
using KyodoHub.Core.Text;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.Forms;

/// <summary>The lists forms choose from: areas, skill categories and tags.</summary>
public sealed record ReferenceLists(IReadOnlyList<Area> Areas, IReadOnlyList<SkillCategory> Categories, IReadOnlyList<SkillTag> Tags)
{
    /// <summary>Tags whose name, synonyms or category name contain the text, kana and width folded.</summary>
    public IEnumerable<SkillTag> MatchingTags(string? text)
    {
        var folded = TextFolding.Fold(text);
        if (folded.Length == 0)
        {
            return Tags;
        }
        var categories = Categories.Where(c => TextFolding.Fold(c.NameJa).Contains(folded, StringComparison.Ordinal)
            || TextFolding.Fold(c.NameEn).Contains(folded, StringComparison.Ordinal)).Select(c => c.Id).ToHashSet();
        return Tags.Where(t => categories.Contains(t.CategoryId)
            || new[] { t.NameJa, t.NameEn }.Concat(t.Synonyms).Any(n => TextFolding.Fold(n).Contains(folded, StringComparison.Ordinal)));
    }
}

public sealed class ReferenceData(IDbContextFactory<KyodoDbContext> factory)
{
    public async Task<ReferenceLists> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return new ReferenceLists(
            await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken),
            await db.SkillCategories.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken),
            await db.SkillTags.AsNoTracking().OrderBy(t => t.CategoryId).ThenBy(t => t.Id).ToListAsync(cancellationToken));
    }
}
