using System.Globalization;
using KyodoHub.Core.Areas;
using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using KyodoHub.Core.Skills;

namespace KyodoHub.Tests.Matching;

/// <summary>A small taxonomy with the relations the skill fit cares about.</summary>
internal static class TestTags
{
    public const int PcClass = 101;
    public const int SmartphoneClass = 102;
    public const int EnglishConversation = 103;
    public const int SportsCoaching = 201;
    public const int Walking = 202;
    public const int PcRepair = 301;
    public const int Listening = 401;
    public const int SignLanguage = 402;

    /// <summary>A tag id that is not in the taxonomy.</summary>
    public const int Unknown = 999;

    public static IReadOnlyList<SkillTag> All { get; } =
    [
        new(PcClass, 1, "パソコン教室", "PC class", ["パソコン", "PC"]),
        new(SmartphoneClass, 1, "スマホ講座", "Smartphone class", ["スマートフォン", "スマホ"]),
        new(EnglishConversation, 1, "英会話", "English conversation", ["英語"]),
        new(SportsCoaching, 2, "スポーツ指導", "Sports coaching", ["スポーツ", "運動指導"]),
        new(Walking, 2, "ウォーキング", "Walking", ["散歩"]),
        // Another category, but shares the word パソコン with PcClass: a synonym.
        new(PcRepair, 3, "パソコン修理", "PC repair", ["パソコン"]),
        new(Listening, 4, "傾聴", "Active listening", ["話し相手"]),
        new(SignLanguage, 4, "手話", "Sign language"),
    ];
}

/// <summary>Shared fixtures: the clock, the engine, and one-line indexes.</summary>
internal static class MatchFixture
{
    /// <summary>Monday 30 November 2026, 09:00 in Tokyo.</summary>
    public static readonly DateTimeOffset Now = SyntheticWorld.Now;

    /// <summary>Saturday 12 December 2026, the default session date.</summary>
    public static readonly DateOnly SessionDate = new(2026, 12, 12);

    public const int Takamatsu = 9;
    public const int Nishisuna = 11;

    public static MatchEngine Engine(DateTimeOffset? now = null) => new(new FixedClock(now ?? Now));

    public static MatchIndex Index(params Registrant[] registrants) =>
        MatchIndex.Build(registrants, _ => RegistrantHistory.Empty, TachikawaAreas.All, TestTags.All);

    public static MatchIndex IndexWithHistories(params (Registrant Registrant, RegistrantHistory History)[] people) =>
        MatchIndex.Build(people.Select(p => p.Registrant), r => people.Single(p => p.Registrant == r).History, TachikawaAreas.All, TestTags.All);

    /// <summary>Explains one registrant alone in an index.</summary>
    public static MatchExplanation Explain(
        Registrant registrant,
        Request request,
        RegistrantHistory? history = null,
        GroupKind groupKind = GroupKind.NeighbourhoodAssociation,
        MatchWeights? weights = null,
        DateTimeOffset? now = null)
    {
        var index = IndexWithHistories((registrant, history ?? RegistrantHistory.Empty));
        return Engine(now).Explain(index, request, groupKind, registrant.Id, weights)!;
    }

    public static MatchResult Rank(MatchIndex index, Request request, MatchWeights? weights = null, int topK = MatchEngine.DefaultTopK) =>
        Engine().Rank(index, request, GroupKind.NeighbourhoodAssociation, weights, topK);

    /// <summary>Weights that score one component only.</summary>
    public static MatchWeights Only(string component) => component switch
    {
        "skill" => new(1, 0, 0, 0, 0, 0),
        "proximity" => new(0, 1, 0, 0, 0, 0),
        "slack" => new(0, 0, 1, 0, 0, 0),
        "fairness" => new(0, 0, 0, 1, 0, 0),
        "reliability" => new(0, 0, 0, 0, 1, 0),
        "preference" => new(0, 0, 0, 0, 0, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(component)),
    };

    /// <summary>Minutes from midnight of "HH:mm"; "24:00" is 1440.</summary>
    public static int Minutes(string time)
    {
        var parts = time.Split(':');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture) * 60) + int.Parse(parts[1], CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Builds a saved, active registrant who is, unless told otherwise, in both programmes, speaks
/// Japanese, lives in 高松町, registered just now, and is free every day from 08:00 to 21:00.
/// </summary>
internal sealed class RegistrantBuilder(int id)
{
    private readonly List<RegistrantSkill> _skills = [];
    private readonly List<AvailabilityException> _exceptions = [];
    private readonly List<int> _blocked = [];
    private List<AvailabilityWindow> _windows =
        [.. Enum.GetValues<DayOfWeek>().Select(d => new AvailabilityWindow(d, 8 * 60, 21 * 60))];
    private bool _customWindows;
    private int _area = MatchFixture.Takamatsu;
    private Program _programs = Program.Both;
    private string[] _languages = ["ja"];
    private int _cap = 4;
    private int[] _categories = [];
    private GroupKind[] _kinds = [];
    private DateTimeOffset _registeredAt = MatchFixture.Now;
    private RegistrantStatus _status = RegistrantStatus.Active;

    public RegistrantBuilder InArea(int areaId)
    {
        _area = areaId;
        return this;
    }

    public RegistrantBuilder InPrograms(Program programs)
    {
        _programs = programs;
        return this;
    }

    public RegistrantBuilder Speaking(params string[] languages)
    {
        _languages = languages;
        return this;
    }

    public RegistrantBuilder WithSkill(int tagId, SkillLevel level = SkillLevel.Expert)
    {
        _skills.Add(new RegistrantSkill(tagId, level));
        return this;
    }

    /// <summary>Adds a weekly window; the first call replaces the default all-week availability.</summary>
    public RegistrantBuilder AvailableOn(DayOfWeek day, string from, string to)
    {
        if (!_customWindows)
        {
            _windows = [];
            _customWindows = true;
        }
        _windows.Add(new AvailabilityWindow(day, MatchFixture.Minutes(from), MatchFixture.Minutes(to)));
        return this;
    }

    public RegistrantBuilder AlwaysAvailable()
    {
        _windows = [.. Enum.GetValues<DayOfWeek>().Select(d => new AvailabilityWindow(d, 0, 1440))];
        _customWindows = true;
        return this;
    }

    public RegistrantBuilder NeverAvailable()
    {
        _windows = [];
        _customWindows = true;
        return this;
    }

    public RegistrantBuilder UnavailableOn(DateOnly date, string from = "00:00", string to = "24:00")
    {
        _exceptions.Add(new AvailabilityException(date, ExceptionKind.Unavailable, MatchFixture.Minutes(from), MatchFixture.Minutes(to)));
        return this;
    }

    public RegistrantBuilder AlsoAvailableOn(DateOnly date, string from, string to)
    {
        _exceptions.Add(new AvailabilityException(date, ExceptionKind.Available, MatchFixture.Minutes(from), MatchFixture.Minutes(to)));
        return this;
    }

    public RegistrantBuilder WithMonthlyCap(int cap)
    {
        _cap = cap;
        return this;
    }

    public RegistrantBuilder Preferring(int[] categoryIds, params GroupKind[] kinds)
    {
        _categories = categoryIds;
        _kinds = kinds;
        return this;
    }

    public RegistrantBuilder Blocking(int groupId)
    {
        _blocked.Add(groupId);
        return this;
    }

    public RegistrantBuilder RegisteredAt(DateTimeOffset at)
    {
        _registeredAt = at;
        return this;
    }

    public RegistrantBuilder Paused()
    {
        _status = RegistrantStatus.Paused;
        return this;
    }

    public RegistrantBuilder Retired()
    {
        _status = RegistrantStatus.Retired;
        return this;
    }

    public Registrant Build()
    {
        var r = new Registrant(
            "山田 太郎",
            "ヤマダ タロウ",
            $"r{id}@example.jp",
            null,
            _area,
            _programs,
            new ConsentRecord(MatchFixture.Now.AddDays(-1), "v1", "desk"),
            _registeredAt);
        r.SetSkills(_skills);
        r.SetLanguages(_languages);
        r.SetWeeklyAvailability(_windows);
        r.SetAvailabilityExceptions(_exceptions);
        r.SetMonthlyCap(_cap);
        r.SetPreferences(_categories, _kinds);
        foreach (var group in _blocked)
        {
            r.BlockGroup(group);
        }
        switch (_status)
        {
            case RegistrantStatus.Paused:
                r.Pause();
                break;
            case RegistrantStatus.Retired:
                r.Retire();
                break;
        }
        EntityIds.Assign(r, id);
        r.ClearDomainEvents();
        return r;
    }
}

/// <summary>
/// Builds an open request by group 10 in category 1, for both programmes, in Japanese, in 高松町,
/// with one session on Saturday 12 December 2026 from 10:00 to 12:00 Tokyo time and no skills.
/// </summary>
internal sealed class RequestBuilder
{
    private readonly List<RequestSession> _sessions = [];
    private readonly List<int> _required = [];
    private readonly List<int> _welcome = [];
    private int _group = 10;
    private int _category = 1;
    private int _area = MatchFixture.Takamatsu;
    private Program _programs = Program.Both;
    private string[] _languages = ["ja"];
    private RequiredSkillRule _rule = RequiredSkillRule.Score;

    /// <summary>Adds a session in Tokyo wall-clock time; an end not after the start is on the next day.</summary>
    public RequestBuilder On(DateOnly date, string from, string to)
    {
        var start = TokyoTime.FromLocal(date, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(MatchFixture.Minutes(from))));
        var endMinutes = MatchFixture.Minutes(to);
        var endDate = endMinutes <= MatchFixture.Minutes(from) ? date.AddDays(1) : date;
        var end = endMinutes == 1440
            ? TokyoTime.FromLocal(date.AddDays(1), TimeOnly.MinValue)
            : TokyoTime.FromLocal(endDate, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(endMinutes)));
        _sessions.Add(new RequestSession(start, end));
        return this;
    }

    public RequestBuilder Requiring(params int[] tagIds)
    {
        _required.AddRange(tagIds);
        return this;
    }

    /// <summary>Missing a required skill excludes instead of lowering the score.</summary>
    public RequestBuilder ExcludingMissingRequired()
    {
        _rule = RequiredSkillRule.Exclude;
        return this;
    }

    public RequestBuilder Welcoming(params int[] tagIds)
    {
        _welcome.AddRange(tagIds);
        return this;
    }

    public RequestBuilder ByGroup(int groupId)
    {
        _group = groupId;
        return this;
    }

    public RequestBuilder InCategory(int categoryId)
    {
        _category = categoryId;
        return this;
    }

    public RequestBuilder InArea(int areaId)
    {
        _area = areaId;
        return this;
    }

    public RequestBuilder ForPrograms(Program programs)
    {
        _programs = programs;
        return this;
    }

    public RequestBuilder InLanguages(params string[] languages)
    {
        _languages = languages;
        return this;
    }

    public Request Build()
    {
        var sessions = _sessions.Count > 0 ? _sessions : [DefaultSession()];
        var details = new RequestDetails(
            "公民館まつりの手伝い",
            "受付と会場案内をお願いします。",
            _category,
            _programs,
            sessions,
            _area,
            "高松学習館",
            Headcount: 2,
            FillBy: sessions.Min(s => s.Start).AddHours(-24),
            _required,
            _welcome,
            _languages,
            AccessibilityNotes: null);
        return new Request(_group, details, RequestOrigin.Desk, MatchFixture.Now.AddDays(-1), requiredSkillRule: _rule);
    }

    private static RequestSession DefaultSession()
    {
        var start = TokyoTime.FromLocal(MatchFixture.SessionDate, new TimeOnly(10, 0));
        return new RequestSession(start, start.AddHours(2));
    }
}
