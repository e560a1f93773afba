using System.Globalization;
using KyodoHub.Core.Areas;
using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;

namespace KyodoHub.Web.Features.Imports;

/// <summary>
/// How a registrant or a group is written as a row of the import file's columns, so that an
/// export reads back through the import unchanged. The columns and their order are
/// <see cref="ImportColumns"/>'; this class only says what each column holds.
/// </summary>
public sealed class ExportRows(IReadOnlyDictionary<int, Area> areas, IReadOnlyDictionary<int, SkillTag> tags)
{
    public static IReadOnlyList<string> Header(ImportKind kind) => ImportColumns.Of(kind).Select(c => c.Header).ToList();

    public IReadOnlyList<string> Registrant(Registrant r) => ImportColumns.Registrants.Select(c => RegistrantField(c, r)).ToList();

    public IReadOnlyList<string> Group(Group g) => ImportColumns.Groups.Select(c => GroupField(c, g)).ToList();

    private string RegistrantField(ImportColumn column, Registrant r) => column.Key switch
    {
        nameof(ImportColumns.Name) => r.Name,
        nameof(ImportColumns.Furigana) => r.Furigana,
        nameof(ImportColumns.Email) => r.Email ?? "",
        nameof(ImportColumns.Phone) => r.Phone ?? "",
        nameof(ImportColumns.Area) => AreaName(r.HomeAreaId),
        nameof(ImportColumns.Programs) => ImportReferenceData.ProgramsName(r.Programs),
        nameof(ImportColumns.MonthlyCap) => r.MonthlyCap.ToString(CultureInfo.InvariantCulture),
        nameof(ImportColumns.Skills) => string.Join(ImportReferenceData.SkillSeparator,
            r.Skills.Select(s => ImportReferenceData.SkillText(tags.TryGetValue(s.TagId, out var t) ? t.NameJa : "", s.Level))),
        nameof(ImportColumns.Availability) => WeeklyAvailabilityText.Format(r.WeeklyAvailability),
        nameof(ImportColumns.Languages) => string.Join(ImportReferenceData.SkillSeparator, r.Languages),
        nameof(ImportColumns.Status) => ImportReferenceData.StatusName(r.Status),
        nameof(ImportColumns.ConsentDate) => TokyoTime.ToLocal(r.Consent.GivenAt).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Key, "The export does not write this column."),
    };

    private string GroupField(ImportColumn column, Group g) => column.Key switch
    {
        nameof(ImportColumns.GroupName) => g.Name,
        nameof(ImportColumns.GroupKind) => ImportReferenceData.KindName(g.Kind),
        nameof(ImportColumns.Area) => AreaName(g.AreaId),
        nameof(ImportColumns.ContactName) => g.ContactName,
        nameof(ImportColumns.Email) => g.ContactEmail ?? "",
        nameof(ImportColumns.Phone) => g.ContactPhone ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Key, "The export does not write this column."),
    };

    private string AreaName(int id) => areas.TryGetValue(id, out var a) ? a.NameJa : "";
}
