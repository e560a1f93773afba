using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using KyodoHub.Core.Areas;
using KyodoHub.Core.Common;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Planning;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using KyodoHub.Core.Skills;
using Programme = KyodoHub.Core.Common.Program;

namespace KyodoHub.Benchmarks;

/// <summary>
/// <c>plan --requests R --registrants V</c>: generates a city of V registrants and R open requests
/// over four weeks, ranks each request's top 50 with the match engine, then plans with the solver
/// and greedily, and prints one JSON line comparing them. Ranking time is not counted.
/// </summary>
internal sealed class PlanBenchmark : IBenchmarkMode
{
    public string Name => "plan";

    public string Usage => "plan --requests R --registrants V";

    public int Run(IReadOnlyList<string> arguments)
    {
        var args = arguments.ToArray();
        var requestCount = IntOption(args, "--requests", 200);
        var registrantCount = IntOption(args, "--registrants", 5000);
        var random = new Random(2012);
        var clock = new FixedClock(new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero));

        var tags = Enumerable.Range(1, 60).Select(i => new SkillTag(i, ((i - 1) / 6) + 1, $"技能{i}", $"Skill {i}")).ToList();
        var consent = new ConsentRecord(clock.GetUtcNow().AddYears(-1), "2026-04", "bench");
        var registrants = new List<Registrant>(registrantCount);
        for (var i = 0; i < registrantCount; i++)
        {
            var r = new Registrant($"登録者{i}", "トウロクシャ", null, "090-0000-0000", random.Next(1, 17),
                (Programme)random.Next(1, 4), consent, clock.GetUtcNow().AddDays(-random.Next(1, 900)));
            r.SetSkills(Enumerable.Range(0, 3).Select(_ => new RegistrantSkill(random.Next(1, 61), (SkillLevel)random.Next(1, 4))));
            var days = Enum.GetValues<DayOfWeek>().Where(_ => random.NextDouble() < 0.6);
            r.SetWeeklyAvailability(days.Select(d => new AvailabilityWindow(d, 9 * 60, 18 * 60)));
            r.SetMonthlyCap(random.Next(1, 5));
            Identity.Set(r, i + 1);
            registrants.Add(r);
        }
        var index = MatchIndex.Build(registrants, new Dictionary<int, RegistrantHistory>(), TachikawaAreas.All, tags);
        var engine = new MatchEngine(clock);

        var requests = new List<PlanRequest>(requestCount);
        for (var q = 0; q < requestCount; q++)
        {
            var day = new DateOnly(2027, 3, 1).AddDays(random.Next(0, 28));
            var start = TokyoTime.FromLocal(day, new TimeOnly(random.Next(9, 16), 0));
            var session = new RequestSession(start, start.AddHours(2));
            var details = new RequestDetails($"依頼{q}", "ベンチマーク", 1, (Programme)random.Next(1, 4), [session], random.Next(1, 17), "会場",
                random.Next(1, 4), start.AddDays(-7), [random.Next(1, 61)], [random.Next(1, 61)], [], null);
            var request = new Request(1, details, RequestOrigin.Api, clock.GetUtcNow());
            Identity.Set(request, q + 1);
            var ranked = engine.Rank(index, request, GroupKind.NeighbourhoodAssociation, null, 50, excludedSample: 0);
            requests.Add(new PlanRequest(q + 1, request.Headcount, request.Sessions, request.FillBy,
                ranked.Ranked.Select(c => new PlanCandidate(c.RegistrantId, c.Total, c.Breakdown)).ToList()));
        }
        var planRegistrants = registrants.Select(r => new PlanRegistrant(r.Id, r.MonthlyCap, new Dictionary<(int, int), int>())).ToList();
        var byId = planRegistrants.ToDictionary(r => r.RegistrantId);

        var watch = Stopwatch.StartNew();
        var greedy = GreedyPlanner.Plan(requests, byId, new PlanOptions());
        var greedyMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var comparison = new BatchPlanner().Plan(requests, planRegistrants, new PlanOptions());
        var solverMs = watch.Elapsed.TotalMilliseconds;

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            requests = requestCount,
            registrants = registrantCount,
            solverSeats = comparison.Solver.SeatsFilled,
            greedySeats = greedy.SeatsFilled,
            solverObjective = Math.Round(comparison.Solver.TotalScore, 3),
            greedyObjective = Math.Round(greedy.TotalScore, 3),
            solverMs = Math.Round(solverMs, 1),
            greedyMs = Math.Round(greedyMs, 1),
            optimal = comparison.Solver.ProvenOptimal,
        }));
        return 0;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Generated entities need ids as if saved; the setter is the persistence layer's.</summary>
    private static class Identity
    {
        public static void Set(AggregateRoot entity, int id) =>
            typeof(AggregateRoot).GetProperty(nameof(AggregateRoot.Id))!.SetValue(entity, id);
    }
}
