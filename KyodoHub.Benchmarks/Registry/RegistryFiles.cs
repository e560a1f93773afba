using KyodoHub.Core.Areas;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;
using KyodoHub.Web.Features.Imports;
using Programme = KyodoHub.Core.Common.Program;

namespace KyodoHub.Benchmarks.Registry;

/// <summary>
/// Generated registrants as the import files a city would bring, written through the export's own
/// row format so that the files follow the import columns wherever they go.
/// </summary>
internal static class RegistryFiles
{
    public const int RowsPerFile = 10_000;

    private static readonly (string Kanji, string Kana)[] Surnames =
        [("山田", "ヤマダ"), ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"), ("渡辺", "ワタナベ"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ")];

    private static readonly (string Kanji, string Kana)[] GivenNames =
        [("太郎", "タロウ"), ("花子", "ハナコ"), ("健", "ケン"), ("美咲", "ミサキ"), ("翔", "ショウ"), ("陽子", "ヨウコ"), ("誠", "マコト"), ("恵", "メグミ")];

    /// <summary>Files of <see cref="RowsPerFile"/> rows (the last one shorter) for <paramref name="count"/> registrants.</summary>
    public static IEnumerable<byte[]> Generate(int count, IReadOnlyList<Area> areas, IReadOnlyList<SkillTag> tags, DateTimeOffset now)
    {
        var random = new Random(2012);
        // Until the import reads a skill list by the separator the export writes, a tag whose name
        // holds a separator (囲碁・将棋) is refused; the round trip of the demo registry still counts those.
        tags = tags.Where(t => ImportReferenceData.Split(t.NameJa).SequenceEqual([t.NameJa])).ToList();
        var rows = new ExportRows(areas.ToDictionary(a => a.Id), tags.ToDictionary(t => t.Id));
        for (var start = 0; start < count; start += RowsPerFile)
        {
            var registrants = Enumerable.Range(start, Math.Min(RowsPerFile, count - start)).Select(i => Registrant(i, random, areas, tags, now));
            yield return CsvFiles.Write(ExportRows.Header(ImportKind.Registrants), registrants.Select(rows.Registrant).ToList());
        }
    }

    private static Registrant Registrant(int i, Random random, IReadOnlyList<Area> areas, IReadOnlyList<SkillTag> tags, DateTimeOffset now)
    {
        var (surname, surnameKana) = Surnames[random.Next(Surnames.Length)];
        var (given, givenKana) = GivenNames[random.Next(GivenNames.Length)];
        var consent = new ConsentRecord(now.AddDays(-random.Next(1, 900)), "2026-04", "benchmark");
        var registrant = new Registrant($"{surname} {given}", $"{surnameKana} {givenKana}", null, $"090-{i / 10_000:0000}-{i % 10_000:0000}",
            areas[random.Next(areas.Count)].Id, (Programme)random.Next(1, 4), consent, now);
        registrant.SetSkills(tags.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(t => new RegistrantSkill(t.Id, (SkillLevel)random.Next(1, 4))).ToList());
        registrant.SetMonthlyCap(random.Next(1, 5));
        return registrant;
    }
}
