using CsCheck;
using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using KyodoHub.Core.Skills;

namespace KyodoHub.Tests.Matching;

/// <summary>
/// CsCheck generators of small random worlds: registrants with histories, and requests, over
/// the test taxonomy and Tachikawa's areas, around December 2026. Times are in five-minute steps
/// so that windows and sessions often fall between the engine's quarter hours.
/// </summary>
internal static class MatchGenerators
{
    private static readonly DateOnly FirstDay = new(2026, 12, 1);
    private static readonly string[] LanguageCodes = ["ja", "en", "zh"];

    public static readonly Gen<PersonSpec> Person =
        Gen.Select(
            Gen.Select(Gen.Int[1, 17], Gen.Int[1, 3], Gen.Int[0, 9], Gen.Int[0, 7], Gen.Int[1, 8], Gen.Int[0, 3000]),
            Gen.Select(Gen.Int[0, TestTags.All.Count], Gen.Int[1, 3]).Array[0, 5],
            Gen.Select(Gen.Int[0, 3], Gen.Select(Gen.Int[0, 6], Gen.Int[0, 287], Gen.Int[1, 160]).Array[0, 5]),
            Gen.Select(Gen.Int[0, 40], Gen.Bool, Gen.Int[0, 287], Gen.Int[1, 100]).Array[0, 3],
            Gen.Select(Gen.Int[1, 4].Array[0, 2], Gen.Int[1, 9].Array[0, 2], Gen.Int[1, 12].Array[0, 1]),
            History,
            (p, skills, windows, exceptions, prefs, history) => new PersonSpec(
                Area: p.Item1,
                Programs: (Program)p.Item2,
                Status: p.Item3 switch { 8 => RegistrantStatus.Paused, 9 => RegistrantStatus.Retired, _ => RegistrantStatus.Active },
                Languages: p.Item4,
                Cap: p.Item5,
                RegisteredDaysAgo: p.Item6,
                Skills: [.. skills.Select(s => (s.Item1, (SkillLevel)s.Item2))],
                Windows: windows.Item1 switch
                {
                    // Most registrants are free much of the time, so that worlds have candidates to rank.
                    0 => [.. Enum.GetValues<DayOfWeek>().Select(d => (d, 0, 1440))],
                    1 => [.. Enum.GetValues<DayOfWeek>().Select(d => (d, 6 * 60, 23 * 60))],
                    _ => [.. windows.Item2.Select(w => ((DayOfWeek)w.Item1, w.Item2 * 5, Math.Min(1440, (w.Item2 + w.Item3) * 5)))],
                },
                Exceptions: [.. exceptions.Select(e => (e.Item1, e.Item2, e.Item3 * 5, Math.Min(1440, (e.Item3 + e.Item4) * 5)))],
                Categories: prefs.Item1,
                Kinds: [.. prefs.Item2.Select(k => (GroupKind)k)],
                Blocked: prefs.Item3,
                History: history));

    public static readonly Gen<RequestSpec> Request =
        Gen.Select(
            Gen.Select(Gen.Int[0, 2], Gen.Int[0, 287], Gen.Int[1, 48]).Array[1, 3],
            Gen.Int[0, TestTags.All.Count].Array[0, 3],
            Gen.Int[0, TestTags.All.Count].Array[0, 2],
            Gen.Select(Gen.Int[0, 7], Gen.Int[1, 3], Gen.Int[1, 17], Gen.Int[1, 3], Gen.Int[1, 4], Gen.Int[1, 9]),
            (sessions, required, welcome, r) => new RequestSpec(
                Sessions: [.. sessions.Select((s, i) => ((i * 4) + s.Item1, s.Item2 * 5, s.Item3 * 5))],
                Required: required,
                Welcome: welcome,
                Languages: r.Item1 switch { 0 => 0, < 6 => 1, 6 => 3, _ => 2 },
                Programs: (Program)r.Item2,
                Area: r.Item3,
                GroupId: r.Item4,
                Category: r.Item5,
                GroupKind: (GroupKind)r.Item6));

    /// <summary>A few registrants with ids 1..n; area 17 and a session's minutes past the hour are deliberately odd.</summary>
    public static readonly Gen<PersonSpec[]> World = Person.Array[1, 25];

    public static readonly Gen<MatchWeights> Weights =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 4])
            .Select(w => w.Item1 + w.Item2 + w.Item3 + w.Item4 + w.Item5 + w.Item6 == 0
                ? MatchWeights.Default
                : new MatchWeights(w.Item1, w.Item2, w.Item3, w.Item4, w.Item5, w.Item6));

    private static Gen<HistorySpec> History =>
        Gen.Select(
            Gen.Int[-120, 30].Array[0, 4],
            Gen.Select(Gen.Int[0, 20], Gen.Int[0, 4], Gen.Int[1, 5].Array[0, 6]),
            Gen.Select(Gen.Int[0, 40], Gen.Int[0, 95], Gen.Int[1, 24]).Array[0, 3],
            Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3]),
            Gen.Select(Gen.Int[1, 12].Array[0, 1], Gen.Int[1, 12].Array[0, 1]),
            (days, record, commitments, months, declines) => new HistorySpec(
                ActivityDays: days,
                Completed: record.Item1,
                NoShows: record.Item2,
                Ratings: record.Item3,
                Commitments: [.. commitments.Select(c => (c.Item1, c.Item2, c.Item3))],
                December: months.Item1,
                January: months.Item2,
                Declined: declines.Item1,
                Declining: declines.Item2));

    public static List<(Registrant Registrant, RegistrantHistory History)> Build(PersonSpec[] world) =>
        [.. world.Select((person, i) => (person.Build(i + 1), person.History.Build()))];

    public static MatchIndex Index(IEnumerable<(Registrant Registrant, RegistrantHistory History)> people)
    {
        var list = people.ToList();
        return MatchIndex.Build(list.Select(p => p.Registrant), r => list.Single(p => p.Registrant == r).History, KyodoHub.Core.Areas.TachikawaAreas.All, TestTags.All);
    }

    private static DateTimeOffset At(int dayOffset, int minute) =>
        TokyoTime.FromLocal(FirstDay.AddDays(dayOffset), TimeOnly.MinValue).AddMinutes(minute);

    internal sealed record PersonSpec(
        int Area,
        Program Programs,
        RegistrantStatus Status,
        int Languages,
        int Cap,
        int RegisteredDaysAgo,
        (int TagIndex, SkillLevel Level)[] Skills,
        (DayOfWeek Day, int Start, int End)[] Windows,
        (int DayOffset, bool Available, int Start, int End)[] Exceptions,
        int[] Categories,
        GroupKind[] Kinds,
        int[] Blocked,
        HistorySpec History)
    {
        public Registrant Build(int id)
        {
            var r = new Registrant($"登録者{id}", "トウロクシャ", $"r{id}@example.jp", null, Area, Programs, new ConsentRecord(MatchFixture.Now, "v1", "desk"), MatchFixture.Now.AddDays(-RegisteredDaysAgo));
            r.SetSkills(Skills.Select(s => new RegistrantSkill(TestTags.All[s.TagIndex % TestTags.All.Count].Id, s.Level)));
            // Japanese most of the time, so that language does not exclude nearly everyone.
            r.SetLanguages(LanguageCodes.Where((_, bit) => ((Languages | (Languages < 6 ? 1 : 0)) & (1 << bit)) != 0).DefaultIfEmpty("ja"));
            r.SetWeeklyAvailability(Windows.Select(w => new AvailabilityWindow(w.Day, w.Start, w.End)));
            r.SetAvailabilityExceptions(Exceptions.Select(e => new AvailabilityException(FirstDay.AddDays(e.DayOffset), e.Available ? ExceptionKind.Available : ExceptionKind.Unavailable, e.Start, e.End)));
            r.SetMonthlyCap(Cap);
            r.SetPreferences(Categories, Kinds);
            foreach (var group in Blocked)
            {
                r.BlockGroup(group);
            }
            if (Status == RegistrantStatus.Paused)
            {
                r.Pause();
            }
            else if (Status == RegistrantStatus.Retired)
            {
                r.Retire();
            }
            EntityIds.Assign(r, id);
            r.ClearDomainEvents();
            return r;
        }

        public PersonSpec WithSkill(int tagId, SkillLevel level) =>
            this with { Skills = [.. Skills, (TestTags.All.Select((t, i) => (t, i)).Single(x => x.t.Id == tagId).i, level)] };
    }

    internal sealed record HistorySpec(
        int[] ActivityDays,
        int Completed,
        int NoShows,
        int[] Ratings,
        (int DayOffset, int StartSlot, int Slots)[] Commitments,
        int December,
        int January,
        int[] Declined,
        int[] Declining)
    {
        public RegistrantHistory Build() => new(
            activityDates: ActivityDays.Select(d => new DateOnly(2026, 11, 30).AddDays(d)),
            completedCount: Completed,
            noShowCount: NoShows,
            ratingSum: Ratings.Sum(),
            ratingCount: Ratings.Length,
            commitments: Commitments.Select(c => new Commitment(At(c.DayOffset, c.StartSlot * 15), At(c.DayOffset, (c.StartSlot + c.Slots) * 15))),
            monthlyActivities: [new MonthlyActivityCount(2026, 12, December), new MonthlyActivityCount(2027, 1, January)],
            declinedGroupIds: Declined,
            decliningGroupIds: Declining);
    }

    internal sealed record RequestSpec(
        (int DayOffset, int Start, int Minutes)[] Sessions,
        int[] Required,
        int[] Welcome,
        int Languages,
        Program Programs,
        int Area,
        int GroupId,
        int Category,
        GroupKind GroupKind)
    {
        public int[] RequiredTagIds => [.. Required.Select(i => TestTags.All[i % TestTags.All.Count].Id).Distinct()];

        public Request Build()
        {
            var sessions = Sessions.Select(s => new RequestSession(At(s.DayOffset, s.Start), At(s.DayOffset, s.Start + s.Minutes))).ToList();
            var details = new RequestDetails(
                "依頼",
                "説明",
                Category,
                Programs,
                sessions,
                Area,
                "会場",
                Headcount: 1,
                FillBy: sessions.Min(s => s.Start).AddDays(-1),
                RequiredTagIds,
                [.. Welcome.Select(i => TestTags.All[i % TestTags.All.Count].Id)],
                [.. LanguageCodes.Where((_, bit) => (Languages & (1 << bit)) != 0)],
                AccessibilityNotes: null);
            return new Request(GroupId, details, RequestOrigin.Online, MatchFixture.Now.AddDays(-1));
        }
    }
}
