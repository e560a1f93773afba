using System.Globalization;
using KyodoHub.Core.Areas;
using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;

namespace KyodoHub.Web.Features.Imports;

/// <summary>
/// How a registrant or a group is written as a row of the import file's columns, so that an
/// export reads back through the import unchanged.
/// </summary>
public sealed class ExportRows(IReadOnlyDictionary<int, Area> areas, IReadOnlyDictionary<int, SkillTag> tags)
{
    public static IReadOnlyList<string> Header(ImportKind kind) => ImportColumns.Of(kind).Select(c => c.Header).ToList();

    public IReadOnlyList<string> Registrant(Registrant r) =>
    [
        r.Name, r.Furigana, r.Email ?? "", r.Phone ?? "", AreaName(r.HomeAreaId), ImportReferenceData.ProgramsName(r.Programs),
        r.MonthlyCap.ToString(CultureInfo.InvariantCulture),
        string.Join(ImportReferenceData.SkillSeparator, r.Skills.Select(s => tags.TryGetValue(s.TagId, out var t) ? t.NameJa : "")),
        WeeklyAvailabilityText.Format(r.WeeklyAvailability),
        string.Join(ImportReferenceData.SkillSeparator, r.Languages),
        TokyoTime.ToLocal(r.Consent.GivenAt).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
    ];

    public IReadOnlyList<string> Group(Group g) =>
        [g.Name, ImportReferenceData.KindName(g.Kind), AreaName(g.AreaId), g.ContactName, g.ContactEmail ?? "", g.ContactPhone ?? ""];

    private string AreaName(int id) => areas.TryGetValue(id, out var a) ? a.NameJa : "";
}
