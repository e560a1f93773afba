using System.Globalization;
using System.Text;

namespace KyodoHub.Core.Matching;

/// <summary>
/// Every registrant of an index as a line of text holding all that the index encodes of them, in
/// id order, with languages spelled out (their bits depend on the order the index met them): two
/// indexes rank alike when their lines are equal. For checking a live, incrementally updated index
/// against a fresh build.
/// </summary>
internal static class IndexRows
{
    public static IReadOnlyList<string> Describe(MatchIndex index)
    {
        var lines = new List<string>(index.Count);
        foreach (var page in index.Pages)
        {
            for (var i = 0; i < page.Count; i++)
            {
                lines.Add(Describe(index.Schema, page, i));
            }
        }
        return lines;
    }

    private static string Describe(IndexSchema schema, IndexPage page, int i)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"{page.Ids[i]} status={page.Status[i]} programs={page.Programs[i]} cap={page.Caps[i]} area={page.AreaIndexes[i]} registered={page.RegisteredDays[i]} kinds={page.GroupKindPreferences[i]} reliability={page.Reliability[i]:R}");
        var languages = Enumerable.Range(0, 64).Where(b => (page.Languages[i] & (1UL << b)) != 0).Select(b => schema.LanguageOf(b) ?? "other").Order(StringComparer.Ordinal);
        text.Append(" languages=").AppendJoin(',', languages);
        text.Append(" week=").AppendJoin(',', page.Week.Select(w => w[i].ToString("x", CultureInfo.InvariantCulture)));
        text.Append(" skills=").AppendJoin(',', page.Skills.Select(w => w[i].ToString("x", CultureInfo.InvariantCulture)));
        text.Append(" exceptions=").AppendJoin(',', page.Exceptions.Row(i).ToArray());
        text.Append(" commitments=").AppendJoin(',', page.Commitments.Row(i).ToArray());
        text.Append(" months=").AppendJoin(',', page.Months.Row(i).ToArray());
        text.Append(" groups=").AppendJoin(',', page.Groups.Row(i).ToArray());
        text.Append(" days=").AppendJoin(',', page.ActivityDays.Row(i).ToArray());
        text.Append(" categories=").AppendJoin(',', page.Categories.Row(i).ToArray());
        text.Append(" other=").AppendJoin(',', page.OtherLanguages.Row(i).ToArray().Order(StringComparer.Ordinal));
        return text.ToString();
    }
}
