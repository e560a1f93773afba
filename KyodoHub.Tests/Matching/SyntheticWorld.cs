using System.Runtime.CompilerServices;
using KyodoHub.Core.Areas;
using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using KyodoHub.Core.Skills;

namespace KyodoHub.Tests.Matching;

/// <summary>
/// A deterministic, city-like population of registrants with histories and a typical request,
/// for tests that compare the engine with the baseline and for the benchmarks (which compile
/// this file too). The same seed gives the same world.
/// </summary>
internal static class SyntheticWorld
{
    /// <summary>Monday 30 November 2026, 09:00 in Tokyo.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    public const int RequestGroupId = 7;

    private const int Categories = 8;
    private const int TagsPerCategory = 12;

    private static readonly ConsentRecord Consent = new(Now.AddYears(-3), "v1", "desk");

    public static IReadOnlyList<Area> Areas => TachikawaAreas.All;

    /// <summary>96 tags in 8 categories; every fifth tag shares a synonym with a tag of the next category.</summary>
    public static IReadOnlyList<SkillTag> Tags { get; } = CreateTags();

    public static TimeProvider Clock { get; } = new FixedClock(Now);

    // Registrants come in chunks with a generator each, so that a large world can be made on
    // several threads and still be the same world.
    private const int ChunkSize = 1 << 14;

    /// <summary>Registrants with ids 1..count and their histories, generated lazily.</summary>
    public static IEnumerable<(Registrant Registrant, RegistrantHistory History)> People(int count, int seed = 1)
    {
        for (var chunk = 0; chunk * ChunkSize < count; chunk++)
        {
            foreach (var person in Chunk(chunk, count, seed))
            {
                yield return person;
            }
        }
    }

    /// <summary>The same registrants as <see cref="People"/>, made on every core.</summary>
    public static List<(Registrant Registrant, RegistrantHistory History)> PeopleInParallel(int count, int seed = 1)
    {
        var chunks = new List<(Registrant, RegistrantHistory)>[(count + ChunkSize - 1) / ChunkSize];
        Parallel.For(0, chunks.Length, chunk => chunks[chunk] = Chunk(chunk, count, seed));
        var people = new List<(Registrant, RegistrantHistory)>(count);
        foreach (var chunk in chunks)
        {
            people.AddRange(chunk);
        }
        return people;
    }

    private static List<(Registrant, RegistrantHistory)> Chunk(int chunk, int count, int seed)
    {
        var random = new Random((seed * 1_000_003) + chunk);
        var first = (chunk * ChunkSize) + 1;
        var last = Math.Min(count, first + ChunkSize - 1);
        var people = new List<(Registrant, RegistrantHistory)>(last - first + 1);
        for (var id = first; id <= last; id++)
        {
            people.Add(Person(random, id));
        }
        return people;
    }

    /// <summary>
    /// A request for two skills (one more welcome) in 高松町. Seed 1 is the typical Saturday
    /// morning in Japanese for either programme; other seeds vary the programme and, by seed mod 4,
    /// add a Sunday session (2), put the session across midnight (3) or ask for English too (0).
    /// </summary>
    public static Request TypicalRequest(int seed = 1)
    {
        var random = new Random(seed);
        var required = new[] { TagId(random.Next(Tags.Count)), TagId(random.Next(Tags.Count)) };
        var welcome = new[] { TagId(random.Next(Tags.Count)) };
        var saturday = new DateOnly(2026, 12, 12);
        var sessions = new List<RequestSession>();
        if (seed % 4 == 3)
        {
            var late = TokyoTime.FromLocal(saturday.AddDays(-1), new TimeOnly(22, 30));
            sessions.Add(new RequestSession(late, late.AddHours(3)));
        }
        else
        {
            var start = TokyoTime.FromLocal(saturday, new TimeOnly(10, 0));
            sessions.Add(new RequestSession(start, start.AddHours(2)));
            if (seed % 4 == 2)
            {
                sessions.Add(new RequestSession(start.AddDays(1).AddMinutes(-30), start.AddDays(1).AddHours(1)));
            }
        }
        var details = new RequestDetails(
            "子ども向けパソコン教室の講師",
            "地域センターで小学生にパソコンの基本を教えてください。",
            CategoryId: 1,
            (seed % 3) switch { 0 => Program.ChokottoVolunteer, 1 => Program.Both, _ => Program.LifelongLearningLeader },
            sessions,
            AreaId: 9,
            "高松学習館",
            Headcount: 2,
            FillBy: sessions[0].Start.AddDays(-3),
            required,
            welcome,
            seed % 4 == 0 ? ["ja", "en"] : ["ja"],
            AccessibilityNotes: null);
        return new Request(RequestGroupId, details, RequestOrigin.Desk, Now);
    }

    public static GroupKind TypicalGroupKind => GroupKind.NeighbourhoodAssociation;

    private static int TagId(int index) => ((index / TagsPerCategory) + 1) * 100 + (index % TagsPerCategory) + 1;

    private static List<SkillTag> CreateTags()
    {
        var tags = new List<SkillTag>();
        for (var i = 0; i < Categories * TagsPerCategory; i++)
        {
            var category = (i / TagsPerCategory) + 1;
            var synonyms = new List<string> { $"技能{i}" };
            if (i % 5 == 0)
            {
                synonyms.Add($"共通{i / 5}");
            }
            if (i % 5 == 1 && i > TagsPerCategory)
            {
                // Shares a word with a tag of the previous category.
                synonyms.Add($"共通{(i - TagsPerCategory) / 5}");
            }
            tags.Add(new SkillTag(TagId(i), category, $"スキル{i}", $"Skill {i}", synonyms));
        }
        return tags;
    }

    private static (Registrant, RegistrantHistory) Person(Random random, int id)
    {
        var programs = random.Next(100) switch
        {
            < 45 => Program.ChokottoVolunteer,
            < 80 => Program.LifelongLearningLeader,
            _ => Program.Both,
        };
        var registrant = new Registrant(
            $"登録者{id}",
            "トウロクシャ",
            $"r{id}@example.jp",
            null,
            random.Next(1, Areas.Count + 1),
            programs,
            Consent,
            Now.AddDays(-random.Next(0, 2000)));
        EntityIds.Assign(registrant, id);

        // A new registrant works in Japanese; only those with more languages need setting.
        var english = random.Next(100) < 15;
        var chinese = random.Next(100) < 5;
        if (english || chinese)
        {
            registrant.SetLanguages(["ja", .. english ? ["en"] : Array.Empty<string>(), .. chinese ? ["zh"] : Array.Empty<string>()]);
        }

        var skillCount = random.Next(1, 7);
        var skills = new RegistrantSkill[skillCount];
        for (var i = 0; i < skillCount; i++)
        {
            skills[i] = Pool.Skills[(random.Next(Tags.Count) * 3) + random.Next(0, 3)];
        }
        registrant.SetSkills(skills);

        var windows = new List<AvailabilityWindow>();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            // Weekends are the popular days for volunteering.
            var day = random.Next(10) switch
            {
                < 3 => DayOfWeek.Saturday,
                < 5 => DayOfWeek.Sunday,
                var d => (DayOfWeek)(d - 4),
            };
            var start = random.Next(16, 44);
            var window = Pool.Windows[(((int)day * 28) + start - 16) * 9 + random.Next(4, 13) - 4];
            windows.Add(window);
            if (window.EndMinute == 1440 && random.Next(100) < 60)
            {
                // Night owls carry on past midnight.
                windows.Add(Pool.EarlyWindows[((((int)day + 1) % 7) * 7) + random.Next(2, 9) - 2]);
            }
        }
        registrant.SetWeeklyAvailability(windows);

        if (random.Next(100) < 20)
        {
            var exceptions = new AvailabilityException[random.Next(1, 5)];
            for (var i = 0; i < exceptions.Length; i++)
            {
                var day = random.Next(0, 30);
                exceptions[i] = Pool.Exceptions[(day * 2) + (random.Next(100) < 70 ? 0 : 1)];
            }
            registrant.SetAvailabilityExceptions(exceptions);
        }

        registrant.SetMonthlyCap(random.Next(2, 9));
        var categories = random.Next(100) < 50 ? new[] { random.Next(1, Categories + 1) } : [];
        var kinds = random.Next(100) < 40 ? new[] { (GroupKind)random.Next(1, 10), (GroupKind)random.Next(1, 10) } : [];
        if (categories.Length + kinds.Length > 0)
        {
            registrant.SetPreferences(categories, kinds);
        }
        if (random.Next(100) < 2)
        {
            registrant.BlockGroup(random.Next(1, 21));
        }
        switch (random.Next(100))
        {
            case < 8:
                registrant.Pause();
                break;
            case < 12:
                registrant.Retire();
                break;
        }
        registrant.ClearDomainEvents();

        if (random.Next(100) < 40)
        {
            return (registrant, RegistrantHistory.Empty);
        }
        var completed = random.Next(0, 31);
        var ratings = random.Next(0, completed + 1);
        var today = DateOnly.FromDateTime(TokyoTime.ToLocal(Now));
        var commitments = new List<Commitment>();
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            var start = TokyoTime.FromLocal(today.AddDays(random.Next(1, 30)), new TimeOnly(random.Next(8, 19), 0));
            commitments.Add(new Commitment(start, start.AddHours(random.Next(1, 4))));
        }
        var history = new RegistrantHistory(
            activityDates: Enumerable.Range(0, random.Next(0, 6)).Select(_ => today.AddDays(-random.Next(0, 120))).ToList(),
            completedCount: completed,
            noShowCount: random.Next(0, 4),
            ratingSum: ratings == 0 ? 0 : random.Next(ratings, (ratings * 5) + 1),
            ratingCount: ratings,
            commitments: commitments,
            monthlyActivities: [Pool.December[random.Next(0, 6)]],
            declinedGroupIds: random.Next(100) < 5 ? [random.Next(1, 21)] : null,
            decliningGroupIds: random.Next(100) < 2 ? [random.Next(1, 21)] : null);
        return (registrant, history);
    }
}

/// <summary>
/// Shared instances of the domain's immutable value records, so that a register of a million
/// does not hold millions of equal copies (generating it is bound by allocation).
/// </summary>
file static class Pool
{
    public static readonly RegistrantSkill[] Skills =
        [.. SyntheticWorld.Tags.SelectMany(t => new[] { SkillLevel.Beginner, SkillLevel.Experienced, SkillLevel.Expert }.Select(l => new RegistrantSkill(t.Id, l)))];

    /// <summary>By day, start (08:00 to 21:30 by half hours) and length (2 to 6 hours by half hours), ending by midnight.</summary>
    public static readonly AvailabilityWindow[] Windows =
        [.. from day in Enumerable.Range(0, 7)
            from start in Enumerable.Range(16, 28)
            from length in Enumerable.Range(4, 9)
            select new AvailabilityWindow((DayOfWeek)day, start * 30, Math.Min(1440, (start + length) * 30))];

    /// <summary>By day and end (01:00 to 04:00 by half hours), from midnight.</summary>
    public static readonly AvailabilityWindow[] EarlyWindows =
        [.. from day in Enumerable.Range(0, 7) from end in Enumerable.Range(2, 7) select new AvailabilityWindow((DayOfWeek)day, 0, end * 30)];

    /// <summary>By day from today and kind: away all day, or free from 09:00 to 16:00.</summary>
    public static readonly AvailabilityException[] Exceptions =
        [.. from offset in Enumerable.Range(0, 30)
            let date = DateOnly.FromDateTime(SyntheticWorld.Now.UtcDateTime).AddDays(offset)
            from kind in new[] { ExceptionKind.Unavailable, ExceptionKind.Available }
            select kind == ExceptionKind.Unavailable ? new AvailabilityException(date, kind) : new AvailabilityException(date, kind, 9 * 60, 16 * 60)];

    public static readonly MonthlyActivityCount[] December = [.. Enumerable.Range(0, 6).Select(n => new MonthlyActivityCount(2026, 12, n))];
}

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Gives entities the id the database would, without a database.</summary>
internal static class EntityIds
{
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void Assign(AggregateRoot entity, int id);
}
