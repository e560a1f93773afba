using KyodoHub.Core.Areas;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Program = KyodoHub.Core.Common.Program;

namespace KyodoHub.Web.Features.Imports;

/// <summary>
/// Names an import file may use for towns, programmes, group kinds and skills, in Japanese or
/// English, and the contact details already registered (duplicates are refused).
/// </summary>
internal sealed class ImportReferenceData
{
    private static readonly Dictionary<string, Program> ProgramNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["生涯学習市民リーダー"] = Program.LifelongLearningLeader, ["市民リーダー"] = Program.LifelongLearningLeader, ["リーダー"] = Program.LifelongLearningLeader,
        ["Lifelong Learning Citizen Leader"] = Program.LifelongLearningLeader, ["leader"] = Program.LifelongLearningLeader,
        ["ちょこっとボランティア"] = Program.ChokottoVolunteer, ["ボランティア"] = Program.ChokottoVolunteer,
        ["Chokotto Volunteer"] = Program.ChokottoVolunteer, ["volunteer"] = Program.ChokottoVolunteer,
        ["両方"] = Program.Both, ["both"] = Program.Both,
    };

    // The first name of each is the one the export writes.
    private static readonly Dictionary<string, SkillLevel> LevelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["初級"] = SkillLevel.Beginner, ["中級"] = SkillLevel.Experienced, ["上級"] = SkillLevel.Expert,
        ["beginner"] = SkillLevel.Beginner, ["experienced"] = SkillLevel.Experienced, ["expert"] = SkillLevel.Expert,
    };

    private static readonly Dictionary<string, RegistrantStatus> StatusNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["活動中"] = RegistrantStatus.Active, ["休止中"] = RegistrantStatus.Paused, ["登録終了"] = RegistrantStatus.Retired,
        ["active"] = RegistrantStatus.Active, ["paused"] = RegistrantStatus.Paused, ["retired"] = RegistrantStatus.Retired,
    };

    private static readonly Dictionary<string, GroupKind> KindNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["自治会"] = GroupKind.NeighbourhoodAssociation, ["NPO"] = GroupKind.Npo, ["NPO法人"] = GroupKind.NpoCorporation,
        ["公益法人"] = GroupKind.PublicInterestCorporation, ["企業"] = GroupKind.Company, ["大学"] = GroupKind.University,
        ["学校"] = GroupKind.School, ["市の部署"] = GroupKind.CityDepartment, ["市民グループ"] = GroupKind.CitizenGroup,
    };

    private readonly Dictionary<string, int> _areas = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _skills = new(StringComparer.OrdinalIgnoreCase);

    private ImportReferenceData() { }

    public HashSet<string> RegistrantEmails { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> GroupNames { get; } = new(StringComparer.Ordinal);
    public IReadOnlyDictionary<int, Area> AreasById { get; private set; } = new Dictionary<int, Area>();
    public IReadOnlyDictionary<int, SkillTag> SkillsById { get; private set; } = new Dictionary<int, SkillTag>();

    public static async Task<ImportReferenceData> LoadAsync(KyodoDbContext db, CancellationToken cancellationToken)
    {
        var data = new ImportReferenceData();
        var areas = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var a in areas)
        {
            data._areas.TryAdd(a.NameJa, a.Id);
            data._areas.TryAdd(a.NameEn, a.Id);
            data._areas.TryAdd(a.Kana, a.Id);
        }
        var tags = await db.SkillTags.AsNoTracking().ToListAsync(cancellationToken);
        foreach (var t in tags.OrderBy(t => t.Id))
        {
            data._skills.TryAdd(t.NameJa, t.Id);
            data._skills.TryAdd(t.NameEn, t.Id);
            foreach (var s in t.Synonyms)
            {
                data._skills.TryAdd(s, t.Id);
            }
        }
        data.AreasById = areas.ToDictionary(a => a.Id);
        data.SkillsById = tags.ToDictionary(t => t.Id);
        foreach (var email in await db.Registrants.Where(r => r.Email != null).Select(r => r.Email!).ToListAsync(cancellationToken))
        {
            data.RegistrantEmails.Add(email);
        }
        foreach (var name in await db.Groups.Select(g => g.Name).ToListAsync(cancellationToken))
        {
            data.GroupNames.Add(name);
        }
        return data;
    }

    public int? Area(string text) => _areas.TryGetValue(text.Trim(), out var id) ? id : null;

    public int? Skill(string text) => _skills.TryGetValue(text.Trim(), out var id) ? id : null;

    /// <summary>
    /// The skills named in the text, each a whole tag name (or synonym) separated by 「、」 (as the
    /// export writes them) or by , ; / or line breaks, so that names with 「・」 such as 将棋・囲碁
    /// stay whole, and each optionally followed by its level in brackets, 書道（上級）; without one a
    /// skill is 中級. Files of the older form that joined names with 「・」 still read where every
    /// piece is a name. Unknown names and levels come back in <paramref name="unknown"/>.
    /// </summary>
    public List<RegistrantSkill> Skills(string text, List<string> unknown)
    {
        var skills = new List<RegistrantSkill>();
        foreach (var written in text.Split(SkillSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (name, level) = SplitLevel(written);
            if (level is null)
            {
                // A tag whose own name ends in brackets, written without a level.
                if (Skill(written) is { } whole)
                {
                    skills.Add(new RegistrantSkill(whole, SkillLevel.Experienced));
                }
                else
                {
                    unknown.Add(written);
                }
                continue;
            }
            if (Skill(name) is { } id)
            {
                skills.Add(new RegistrantSkill(id, level.Value));
                continue;
            }
            var pieces = name.Split('・', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var pieceIds = pieces.Select(Skill).ToList();
            if (pieces.Length > 1 && pieceIds.All(p => p is not null))
            {
                skills.AddRange(pieceIds.Select(p => new RegistrantSkill(p!.Value, level.Value)));
            }
            else
            {
                unknown.Add(name);
            }
        }
        return skills;
    }

    /// <summary>A skill as the export writes it: its Japanese name and its level, 書道（上級）.</summary>
    public static string SkillText(string name, SkillLevel level) => $"{name}（{LevelNames.First(l => l.Value == level).Key}）";

    // 「書道（上級）」 or 「書道(上級)」 → 書道 and 上級; a name without brackets is 中級; an unknown level is null.
    private static (string Name, SkillLevel? Level) SplitLevel(string written)
    {
        var normal = written.Replace('（', '(').Replace('）', ')');
        var open = normal.LastIndexOf('(');
        if (!normal.EndsWith(')') || open <= 0)
        {
            return (written, SkillLevel.Experienced);
        }
        var level = normal[(open + 1)..^1].Trim();
        return (written[..open].Trim(), LevelNames.TryGetValue(level, out var known) ? known : null);
    }

    /// <summary>How the export joins skill names: never part of a tag name.</summary>
    public const string SkillSeparator = "、";

    private static readonly char[] SkillSeparators = ['、', ',', '，', ';', '；', '/', '／', '\n'];

    /// <summary>The programmes named in the text (separated by ・、,;/ or spaces), or None when one is unknown.</summary>
    public static Program Programs(string text)
    {
        var result = Program.None;
        foreach (var part in Split(text))
        {
            if (!ProgramNames.TryGetValue(part, out var program))
            {
                return Program.None;
            }
            result |= program;
        }
        return result;
    }

    public static GroupKind? Kind(string text) => KindNames.TryGetValue(text.Trim(), out var kind) ? kind : null;

    /// <summary>The status named (活動中, 休止中, 登録終了 or in English); an empty text is 活動中; null when unknown.</summary>
    public static RegistrantStatus? Status(string text) =>
        text.Trim().Length == 0 ? RegistrantStatus.Active : StatusNames.TryGetValue(text.Trim(), out var status) ? status : null;

    public static string StatusName(RegistrantStatus status) => StatusNames.First(s => s.Value == status).Key;

    public static string KindName(GroupKind kind) => KindNames.First(k => k.Value == kind).Key;

    public static string ProgramsName(Program programs) =>
        programs == Program.Both ? "生涯学習市民リーダー・ちょこっとボランティア"
        : programs == Program.LifelongLearningLeader ? "生涯学習市民リーダー" : "ちょこっとボランティア";

    public static IEnumerable<string> Split(string text) =>
        text.Split(['・', '、', ',', ';', '；', '/', '／', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
