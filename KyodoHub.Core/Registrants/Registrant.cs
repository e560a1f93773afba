using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Text;

namespace KyodoHub.Core.Registrants;

/// <summary>
/// A person registered in one or both talent programmes: who they are, what they can do, where
/// and when, and how much. Changes go through behaviour methods that validate their input and
/// raise <see cref="RegistrantChanged"/> only on real change.
/// </summary>
public sealed class Registrant : AggregateRoot
{
    /// <summary>Upper bound for the monthly activity cap.</summary>
    public const int MaxMonthlyCap = 31;

    private readonly List<RegistrantSkill> _skills = [];

    private Registrant() { }

    public Registrant(
        string name,
        string furigana,
        string? email,
        string? phone,
        int homeAreaId,
        Program programs,
        ConsentRecord consent,
        DateTimeOffset registeredAt)
    {
        UpdateProfile(name, furigana, email, phone, homeAreaId);
        ChangePrograms(programs);
        Consent = consent ?? throw new DomainValidationException(nameof(Consent), "Required", "Consent is required.");
        RegisteredAt = registeredAt.ToUniversalTime();
        MonthlyCap = 4;
        ClearDomainEvents();
    }

    public string Name { get; private set; } = "";

    /// <summary>Reading of the name in katakana (フリガナ).</summary>
    public string Furigana { get; private set; } = "";

    /// <summary>Name and reading folded for search (kana and width insensitive), kept in step with them.</summary>
    public string SearchKey { get; private set; } = "";

    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public int HomeAreaId { get; private set; }
    public Program Programs { get; private set; }
    public RegistrantStatus Status { get; private set; }
    public IReadOnlyList<RegistrantSkill> Skills => _skills;

    /// <summary>ISO 639-1 codes of the languages the registrant can work in.</summary>
    public List<string> Languages { get; private set; } = ["ja"];

    public List<AvailabilityWindow> WeeklyAvailability { get; private set; } = [];
    public List<AvailabilityException> AvailabilityExceptions { get; private set; } = [];

    /// <summary>At most this many activities in one calendar month (Tokyo).</summary>
    public int MonthlyCap { get; private set; }

    public List<int> PreferredCategoryIds { get; private set; } = [];
    public List<GroupKind> PreferredGroupKinds { get; private set; } = [];

    /// <summary>Groups the registrant will not work with, or that will not work with them.</summary>
    public List<int> BlockedGroupIds { get; private set; } = [];

    public List<string> LectureThemes { get; private set; } = [];
    public string? Audiences { get; private set; }
    public FeePolicy? FeePolicy { get; private set; }

    public ConsentRecord Consent { get; private set; } = null!;
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>The Identity user who signs in as this registrant, if they have an account.</summary>
    public string? UserId { get; private set; }

    public void UpdateProfile(string name, string furigana, string? email, string? phone, int homeAreaId)
    {
        var validName = Guard.Required(name, nameof(Name), 60);
        var validFurigana = ReadingOf(furigana);
        var validEmail = Guard.Email(email, nameof(Email));
        var validPhone = Guard.Phone(phone, nameof(Phone));
        var validArea = Guard.PositiveId(homeAreaId, nameof(HomeAreaId));
        if (validEmail is null && validPhone is null)
        {
            throw new DomainValidationException(nameof(Phone), "ContactRequired", "A phone number or an e-mail address is required.");
        }
        if ((Name, Furigana, Email, Phone, HomeAreaId) == (validName, validFurigana, validEmail, validPhone, validArea))
        {
            return;
        }
        (Name, Furigana, Email, Phone, HomeAreaId) = (validName, validFurigana, validEmail, validPhone, validArea);
        RefreshSearchKey();
        Changed();
    }

    /// <summary>Recomputes <see cref="SearchKey"/> (for rows saved before it existed).</summary>
    public void RefreshSearchKey() => SearchKey = TextFolding.Fold(Name) + "|" + TextFolding.Fold(Furigana);

    /// <summary>
    /// The furigana as stored: katakana, with hiragana and half-width katakana folded into it.
    /// Throws naming <see cref="Furigana"/> when it is empty, too long or not kana.
    /// </summary>
    public static string ReadingOf(string? furigana)
    {
        var reading = TextFolding.ToKatakanaReading(Guard.Required(furigana, nameof(Furigana), 60));
        if (!reading.All(c => c is ' ' or >= '\u30A0' and <= '\u30FF'))
        {
            throw new DomainValidationException(nameof(Furigana), "KanaOnly", "The furigana must be written in katakana or hiragana.");
        }
        return Guard.Required(reading, nameof(Furigana), 60);
    }

    public void ChangePrograms(Program programs)
    {
        if (programs == Program.None || (programs & ~Program.Both) != 0)
        {
            throw new DomainValidationException(nameof(Programs), "Required", "Choose at least one programme.");
        }
        if (programs == Programs)
        {
            return;
        }
        Programs = programs;
        Changed();
    }

    public void SetSkills(IEnumerable<RegistrantSkill> skills)
    {
        var list = skills.GroupBy(s => s.TagId).Select(g => g.MaxBy(s => s.Level)!).OrderBy(s => s.TagId).ToList();
        if (list.Count > 40)
        {
            throw new DomainValidationException(nameof(Skills), "TooMany", "At most 40 skills.");
        }
        if (list.SequenceEqual(_skills))
        {
            return;
        }
        _skills.Clear();
        _skills.AddRange(list);
        Changed();
    }

    public void SetLanguages(IEnumerable<string> languages)
    {
        var list = languages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().Order().ToList();
        if (list.Count == 0)
        {
            throw new DomainValidationException(nameof(Languages), "Required", "At least one language is required.");
        }
        if (list.Any(l => l.Length is < 2 or > 3 || !l.All(char.IsAsciiLetterLower)))
        {
            throw new DomainValidationException(nameof(Languages), "Invalid", "Languages are two- or three-letter codes such as ja or en.");
        }
        if (list.SequenceEqual(Languages))
        {
            return;
        }
        Languages = list;
        Changed();
    }

    public void SetWeeklyAvailability(IEnumerable<AvailabilityWindow> windows)
    {
        var list = Normalise(windows);
        if (list.SequenceEqual(WeeklyAvailability))
        {
            return;
        }
        WeeklyAvailability = list;
        Changed();
    }

    public void SetAvailabilityExceptions(IEnumerable<AvailabilityException> exceptions)
    {
        var list = exceptions.Distinct().OrderBy(e => e.Date).ThenBy(e => e.StartMinute).ThenBy(e => e.Kind).ToList();
        if (list.Count > 366)
        {
            throw new DomainValidationException(nameof(AvailabilityExceptions), "TooMany", "At most 366 dated exceptions.");
        }
        if (list.SequenceEqual(AvailabilityExceptions))
        {
            return;
        }
        AvailabilityExceptions = list;
        Changed();
    }

    public void SetMonthlyCap(int cap)
    {
        var valid = Guard.InRange(cap, nameof(MonthlyCap), 1, MaxMonthlyCap);
        if (valid == MonthlyCap)
        {
            return;
        }
        MonthlyCap = valid;
        Changed();
    }

    public void SetPreferences(IEnumerable<int> categoryIds, IEnumerable<GroupKind> groupKinds)
    {
        var categories = categoryIds.Distinct().Order().ToList();
        var kinds = groupKinds.Select(k => Guard.Defined(k, nameof(PreferredGroupKinds))).Distinct().Order().ToList();
        if (categories.SequenceEqual(PreferredCategoryIds) && kinds.SequenceEqual(PreferredGroupKinds))
        {
            return;
        }
        (PreferredCategoryIds, PreferredGroupKinds) = (categories, kinds);
        Changed();
    }

    public void BlockGroup(int groupId)
    {
        if (BlockedGroupIds.Contains(Guard.PositiveId(groupId, nameof(BlockedGroupIds))))
        {
            return;
        }
        BlockedGroupIds = [.. BlockedGroupIds, groupId];
        Changed();
    }

    public void SetLeaderProfile(LeaderProfile? profile)
    {
        if (profile is not null && !Programs.HasFlag(Program.LifelongLearningLeader))
        {
            throw new DomainValidationException(nameof(LectureThemes), "LeadersOnly", "Lecture themes are for citizen leaders.");
        }
        var themes = profile?.LectureThemes.ToList() ?? [];
        var audiences = profile?.Audiences;
        var fee = profile?.FeePolicy;
        if (themes.SequenceEqual(LectureThemes) && audiences == Audiences && fee == FeePolicy)
        {
            return;
        }
        (LectureThemes, Audiences, FeePolicy) = (themes, audiences, fee);
        Changed();
    }

    public void Pause() => MoveTo(RegistrantStatus.Paused, from: RegistrantStatus.Active);

    public void Resume() => MoveTo(RegistrantStatus.Active, from: RegistrantStatus.Paused);

    public void Retire()
    {
        if (Status == RegistrantStatus.Retired)
        {
            return;
        }
        Status = RegistrantStatus.Retired;
        Changed();
    }

    /// <summary>What an anonymised registrant is called instead of their name.</summary>
    public const string AnonymousName = "（匿名化済み）";

    /// <summary>Whether <see cref="Anonymise"/> has removed what identified this person.</summary>
    public bool IsAnonymised => Name == AnonymousName && Email is null && Phone is null;

    /// <summary>
    /// Removes what identifies the person — name, reading, contact, free text — and retires them,
    /// keeping what the statistics need (area, programmes, skills, dates). Cannot be undone.
    /// </summary>
    public void Anonymise()
    {
        if (IsAnonymised)
        {
            return;
        }
        (Name, Furigana, Email, Phone) = (AnonymousName, "トクメイ", null, null);
        (LectureThemes, Audiences) = ([], null);
        Status = RegistrantStatus.Retired;
        RefreshSearchKey();
        Changed();
    }

    public void LinkUser(string userId) => UserId = Guard.Required(userId, nameof(UserId), 450);

    private void MoveTo(RegistrantStatus to, RegistrantStatus from)
    {
        if (Status == to)
        {
            return;
        }
        if (Status != from)
        {
            throw new DomainRuleException("RegistrantStatusTransition", $"A {Status} registrant cannot become {to}.");
        }
        Status = to;
        Changed();
    }

    private void Changed() => RaiseOnce(new RegistrantChanged(this));

    private static List<AvailabilityWindow> Normalise(IEnumerable<AvailabilityWindow> windows)
    {
        // Merge overlapping or touching windows per day, so that equal patterns compare equal.
        var merged = new List<AvailabilityWindow>();
        foreach (var day in windows.GroupBy(w => w.Day).OrderBy(g => g.Key))
        {
            AvailabilityWindow? current = null;
            foreach (var w in day.OrderBy(w => w.StartMinute))
            {
                if (current is null)
                {
                    current = w;
                }
                else if (w.StartMinute <= current.EndMinute)
                {
                    current = new AvailabilityWindow(day.Key, current.StartMinute, Math.Max(current.EndMinute, w.EndMinute));
                }
                else
                {
                    merged.Add(current);
                    current = w;
                }
            }
            merged.Add(current!);
        }
        return merged;
    }
}

/// <summary>A registrant's profile, availability or status changed; the match index refreshes.</summary>
public sealed record RegistrantChanged(Registrant Registrant) : IDomainEvent;
