using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Skills;
using KyodoHub.Web.Features.Forms;

namespace KyodoHub.Web.Features.Me;

/// <summary>A skill on the profile form: a taxonomy tag and how well the registrant masters it.</summary>
public sealed record SkillEntry(int TagId, SkillLevel Level);

/// <summary>
/// The profile and skills form: what the registrant may change about themselves, saved as one
/// change. <see cref="Validate"/> runs the domain's own checks on every field at once, so the form
/// shows all problems before anything is sent; the domain checks again when saving.
/// </summary>
public sealed class ProfileForm
{
    public required EditKey Key { get; init; }
    public string Name { get; set; } = "";
    public string Furigana { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public int HomeAreaId { get; set; }
    public bool Leader { get; set; }
    public bool Volunteer { get; set; }
    public IReadOnlyCollection<string> Languages { get; set; } = ["ja"];
    public IReadOnlyList<SkillEntry> Skills { get; set; } = [];
    public IReadOnlyCollection<int> PreferredCategoryIds { get; set; } = [];
    public IReadOnlyCollection<GroupKind> PreferredGroupKinds { get; set; } = [];

    /// <summary>Lecture themes, one per line (citizen leaders).</summary>
    public string LectureThemes { get; set; } = "";

    public string? Audiences { get; set; }
    public FeePolicy FeePolicy { get; set; }

    public Program Programs => (Leader ? Program.LifelongLearningLeader : Program.None) | (Volunteer ? Program.ChokottoVolunteer : Program.None);

    public IReadOnlyList<string> ThemeList =>
        LectureThemes.Split('\n').Select(t => t.Trim()).Where(t => t.Length > 0).ToList();

    public static ProfileForm From(Registrant r) => new()
    {
        Key = new EditKey(r.Id, r.Version),
        Name = r.Name,
        Furigana = r.Furigana,
        Email = r.Email,
        Phone = r.Phone,
        HomeAreaId = r.HomeAreaId,
        Leader = r.Programs.HasFlag(Program.LifelongLearningLeader),
        Volunteer = r.Programs.HasFlag(Program.ChokottoVolunteer),
        Languages = r.Languages.ToList(),
        Skills = r.Skills.Select(s => new SkillEntry(s.TagId, s.Level)).ToList(),
        PreferredCategoryIds = r.PreferredCategoryIds.ToList(),
        PreferredGroupKinds = r.PreferredGroupKinds.ToList(),
        LectureThemes = string.Join('\n', r.LectureThemes),
        Audiences = r.Audiences,
        FeePolicy = r.FeePolicy ?? FeePolicy.Free,
    };

    /// <summary>Folds the furigana into katakana as it will be stored, when it can be read as kana.</summary>
    public void TidyFurigana()
    {
        try
        {
            Furigana = Registrant.ReadingOf(Furigana);
        }
        catch (DomainValidationException)
        {
            // Left as typed; Validate says what is wrong with it.
        }
    }

    /// <summary>Every problem the domain would find, field by field.</summary>
    public List<DomainValidationException> Validate() => ValidationText.Collect(
        () => Guard.Required(Name, nameof(Registrant.Name), 60),
        () => Registrant.ReadingOf(Furigana),
        () => Guard.Email(Email, nameof(Registrant.Email)),
        () =>
        {
            if (Guard.Phone(Phone, nameof(Registrant.Phone)) is null && string.IsNullOrWhiteSpace(Email))
            {
                throw new DomainValidationException(nameof(Registrant.Phone), "ContactRequired", "A phone number or an e-mail address is required.");
            }
        },
        () => Guard.PositiveId(HomeAreaId, nameof(Registrant.HomeAreaId)),
        () =>
        {
            if (Programs == Program.None)
            {
                throw new DomainValidationException(nameof(Registrant.Programs), "Required", "Choose at least one programme.");
            }
        },
        () =>
        {
            if (Languages.Count == 0)
            {
                throw new DomainValidationException(nameof(Registrant.Languages), "Required", "At least one language is required.");
            }
        },
        () =>
        {
            if (Skills.Select(s => s.TagId).Distinct().Count() > 40)
            {
                throw new DomainValidationException(nameof(Registrant.Skills), "TooMany", "At most 40 skills.");
            }
        },
        () =>
        {
            if (Leader)
            {
                _ = new LeaderProfile(ThemeList, Audiences, FeePolicy);
            }
        });
}

/// <summary>The choices the profile form offers: areas, the skill taxonomy, languages, group kinds.</summary>
public sealed record ProfileChoices(
    IReadOnlyList<Core.Areas.Area> Areas,
    IReadOnlyList<SkillCategory> Categories,
    IReadOnlyList<SkillTag> Tags,
    IReadOnlyList<string> Languages)
{
    /// <summary>Languages the form offers; a registrant's other codes are kept and listed too.</summary>
    public static IReadOnlyList<string> KnownLanguages => Forms.Choices.Languages;

    public static IReadOnlyList<GroupKind> GroupKinds { get; } = Enum.GetValues<GroupKind>();
}
