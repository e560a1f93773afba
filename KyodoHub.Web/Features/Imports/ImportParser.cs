using System.Globalization;
using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Registrants;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Imports;

/// <summary>
/// Turns the records of an import file into registrants or groups, validating every row with the
/// domain's own rules and collecting every problem (row, column, message) instead of stopping at
/// the first, so that a whole file can be fixed in one go.
/// </summary>
internal sealed class ImportParser(ImportReferenceData reference, IStringLocalizer L, string importedBy, DateTimeOffset now)
{
    private readonly List<ImportError> _errors = [];

    public IReadOnlyList<ImportError> Errors => _errors;

    /// <summary>The column index of each known column in the header; missing required columns are errors of row 1.</summary>
    public Dictionary<string, int> MapHeader(ImportKind kind, IReadOnlyList<string> header)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in ImportColumns.Of(kind))
        {
            var index = header.ToList().FindIndex(column.Matches);
            if (index >= 0)
            {
                map[column.Key] = index;
            }
            else if (column.Required)
            {
                var message = L["ImportColumnMissing", column.Header];
                _errors.Add(new ImportError(1, column.Header, message, message.Name));
            }
        }
        return map;
    }

    public List<Registrant> Registrants(IReadOnlyList<CsvRecord> records, Dictionary<string, int> map, Action<int> rowsChecked)
    {
        var list = new List<Registrant>();
        var seenEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (record, n) in records.Select((r, n) => (r, n)))
        {
            rowsChecked(n);
            var row = new Row(record, map);
            var before = _errors.Count;
            var areaId = AreaOf(row);
            var programs = ImportReferenceData.Programs(row[ImportColumns.Programs]);
            if (programs == Program.None)
            {
                Error(row, ImportColumns.Programs, L["ImportUnknownProgram", row[ImportColumns.Programs]]);
            }
            var cap = 4;
            if (row[ImportColumns.MonthlyCap] is { Length: > 0 } capText && !int.TryParse(Normalise(capText), NumberStyles.None, CultureInfo.InvariantCulture, out cap))
            {
                Error(row, ImportColumns.MonthlyCap, L["ImportNotANumber", ImportColumns.MonthlyCap.Header]);
            }
            var consentAt = now;
            if (row[ImportColumns.ConsentDate] is { Length: > 0 } dateText)
            {
                if (DateOnly.TryParseExact(Normalise(dateText), ["yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    consentAt = TokyoTime.FromLocal(date, new TimeOnly(12, 0));
                }
                else
                {
                    Error(row, ImportColumns.ConsentDate, L["ImportNotADate", ImportColumns.ConsentDate.Header]);
                }
            }
            var unknownSkills = new List<string>();
            var skills = reference.Skills(row[ImportColumns.Skills], unknownSkills);
            foreach (var name in unknownSkills)
            {
                Error(row, ImportColumns.Skills, L["ImportUnknownSkill", name]);
            }
            var availability = row[ImportColumns.Availability];
            if (!WeeklyAvailabilityText.TryParse(availability, out var windows, out var badWindow, out var badTime))
            {
                Error(row, ImportColumns.Availability, L[badTime ? "ImportBadAvailabilityTime" : "ImportBadAvailability", badWindow]);
            }
            var languages = ImportReferenceData.Split(row[ImportColumns.Languages]).ToList();
            var status = ImportReferenceData.Status(row[ImportColumns.Status]);
            if (status is null)
            {
                Error(row, ImportColumns.Status, L["ImportUnknownStatus", row[ImportColumns.Status]]);
            }
            var email = row[ImportColumns.Email];
            if (email.Length > 0 && (reference.RegistrantEmails.Contains(email) || !seenEmails.Add(email)))
            {
                Error(row, ImportColumns.Email, L["ImportDuplicateEmail", email]);
            }
            if (_errors.Count > before || areaId is null)
            {
                continue;
            }
            Build(row, () =>
            {
                var registrant = new Registrant(row[ImportColumns.Name], row[ImportColumns.Furigana], Blank(email), Blank(row[ImportColumns.Phone]),
                    areaId.Value, programs, new ConsentRecord(consentAt, "2026-04", importedBy), consentAt);
                registrant.SetMonthlyCap(cap);
                registrant.SetSkills(skills);
                registrant.SetWeeklyAvailability(windows);
                if (languages.Count > 0)
                {
                    registrant.SetLanguages(languages);
                }
                if (status == RegistrantStatus.Paused)
                {
                    registrant.Pause();
                }
                else if (status == RegistrantStatus.Retired)
                {
                    registrant.Retire();
                }
                list.Add(registrant);
            }, RegistrantColumn);
        }
        return list;
    }

    public List<Group> Groups(IReadOnlyList<CsvRecord> records, Dictionary<string, int> map, Action<int> rowsChecked)
    {
        var list = new List<Group>();
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (record, n) in records.Select((r, n) => (r, n)))
        {
            rowsChecked(n);
            var row = new Row(record, map);
            var before = _errors.Count;
            var areaId = AreaOf(row);
            var kind = ImportReferenceData.Kind(row[ImportColumns.GroupKind]);
            if (kind is null)
            {
                Error(row, ImportColumns.GroupKind, L["ImportUnknownKind", row[ImportColumns.GroupKind]]);
            }
            var name = row[ImportColumns.GroupName];
            if (name.Length > 0 && (reference.GroupNames.Contains(name) || !seenNames.Add(name)))
            {
                Error(row, ImportColumns.GroupName, L["ImportDuplicateGroup", name]);
            }
            if (_errors.Count > before || areaId is null || kind is null)
            {
                continue;
            }
            Build(row, () => list.Add(new Group(name, kind.Value, areaId.Value, row[ImportColumns.ContactName],
                Blank(row[ImportColumns.Email]), Blank(row[ImportColumns.Phone]), now)), GroupColumn);
        }
        return list;
    }

    private int? AreaOf(Row row)
    {
        var text = row[ImportColumns.Area];
        if (text.Length == 0)
        {
            Error(row, ImportColumns.Area, L["FieldRequired", ImportColumns.Area.Header]);
            return null;
        }
        var id = reference.Area(text);
        if (id is null)
        {
            Error(row, ImportColumns.Area, L["ImportUnknownArea", text]);
        }
        return id;
    }

    private void Build(Row row, Action build, Func<string, ImportColumn> columnOf)
    {
        try
        {
            build();
        }
        catch (DomainValidationException ex)
        {
            var column = columnOf(ex.Field);
            var specific = L[$"Validation_{ex.Code}", column.Header];
            Error(row, column, specific.ResourceNotFound ? L["Validation_Invalid", column.Header] : specific);
        }
    }

    private void Error(Row row, ImportColumn column, LocalizedString message) => _errors.Add(new ImportError(row.Number, column.Header, message, message.Name));

    private static ImportColumn RegistrantColumn(string field) => field switch
    {
        nameof(Registrant.Name) => ImportColumns.Name,
        nameof(Registrant.Furigana) => ImportColumns.Furigana,
        nameof(Registrant.Email) => ImportColumns.Email,
        nameof(Registrant.Phone) => ImportColumns.Phone,
        nameof(Registrant.MonthlyCap) => ImportColumns.MonthlyCap,
        nameof(Registrant.Skills) => ImportColumns.Skills,
        nameof(Registrant.Programs) => ImportColumns.Programs,
        nameof(Registrant.Languages) => ImportColumns.Languages,
        _ => ImportColumns.Area,
    };

    private static ImportColumn GroupColumn(string field) => field switch
    {
        nameof(Group.Name) => ImportColumns.GroupName,
        nameof(Group.ContactName) => ImportColumns.ContactName,
        nameof(Group.ContactEmail) => ImportColumns.Email,
        nameof(Group.ContactPhone) => ImportColumns.Phone,
        nameof(Group.Kind) => ImportColumns.GroupKind,
        _ => ImportColumns.Area,
    };

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    // Excel users type full-width digits (１２) as often as half-width ones.
    private static string Normalise(string text) => text.Normalize(System.Text.NormalizationForm.FormKC).Trim();

    private readonly record struct Row(CsvRecord Record, Dictionary<string, int> Map)
    {
        public int Number => Record.Row;

        public string this[ImportColumn column] =>
            Map.TryGetValue(column.Key, out var i) && i < Record.Fields.Count ? Record.Fields[i].Trim() : "";
    }
}
