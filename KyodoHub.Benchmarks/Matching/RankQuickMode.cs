using System.Diagnostics;
using System.Globalization;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Matching;

namespace KyodoHub.Benchmarks.Matching;

/// <summary>
/// A quick measurement of one ranking call without BenchmarkDotNet: builds a synthetic register,
/// warms both implementations up, times repeated calls with a stopwatch and prints one JSON line,
/// <c>{"registrants":N,"engineMsMedian":..,"baselineMsMedian":..,"allocatedBytesPerCall":..}</c>.
/// The engine runs on this one thread; allocations are the engine's, on this thread.
/// </summary>
internal sealed class RankQuickMode : IBenchmarkMode
{
    // Enough engine calls after warm-up for a stable median, within a few seconds.
    private const int MinEngineRuns = 15;
    private const int MaxEngineRuns = 200;
    private static readonly TimeSpan EngineBudget = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan BaselineBudget = TimeSpan.FromSeconds(5);

    public string Name => "rank";

    public string Usage => "rank --registrants N [--seed S] [--verbose]";

    public int Run(IReadOnlyList<string> args)
    {
        var registrants = Options.PositiveInt(args, "--registrants");
        var seed = Options.PositiveInt(args, "--seed", fallback: 1);
        if (registrants is null || seed is null)
        {
            Console.Error.WriteLine($"usage: {Usage}");
            return 2;
        }

        // Progress goes to stderr, so that stdout is the one JSON line.
        var verbose = args.Contains("--verbose");
        var clock = Stopwatch.StartNew();
        void Phase(string name)
        {
            if (verbose)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {clock.Elapsed.TotalSeconds:0.0} s"));
            }
            clock.Restart();
        }

        var people = SyntheticWorld.PeopleInParallel(registrants.Value, seed.Value);
        Phase("generate");
        var index = MatchIndex.Build(people.Select(p => p.Registrant), r => people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags);
        Phase("index");
        var request = SyntheticWorld.TypicalRequest(seed.Value);
        var engine = new MatchEngine(SyntheticWorld.Clock);
        var baseline = new LinqBaseline(SyntheticWorld.Areas, SyntheticWorld.Tags, SyntheticWorld.Clock);
        GC.Collect();

        var (engineMs, allocated, engineResult) = MeasureEngine(engine, index, request);
        Phase("engine");
        var (baselineMs, baselineResult) = MeasureBaseline(baseline, people, request);
        Phase("baseline");

        var same = engineResult.Ranked.Select(c => (c.RegistrantId, c.Total)).SequenceEqual(baselineResult);
        if (!same)
        {
            Console.Error.WriteLine("The engine and the baseline disagree on the top K.");
        }
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"registrants":{{registrants}},"engineMsMedian":{{engineMs:0.###}},"baselineMsMedian":{{baselineMs:0.###}},"allocatedBytesPerCall":{{allocated}}}"""));
        return same ? 0 : 1;
    }

    private static (double MedianMs, long AllocatedPerCall, MatchResult Last) MeasureEngine(MatchEngine engine, MatchIndex index, Request request)
    {
        MatchResult Rank() => engine.Rank(index, request, SyntheticWorld.TypicalGroupKind);

        // Warm up past tiered compilation: enough calls to be promoted, a pause for the
        // background compiler, then a few more on the optimised code.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 40 || warmUp.Elapsed < TimeSpan.FromSeconds(1); i++)
        {
            Rank();
        }
        Thread.Sleep(300);
        for (var i = 0; i < 5; i++)
        {
            Rank();
        }

        var estimate = Stopwatch.StartNew();
        var last = Rank();
        var runs = (int)Math.Clamp(EngineBudget / Max(estimate.Elapsed, TimeSpan.FromMilliseconds(0.01)), MinEngineRuns, MaxEngineRuns);
        var times = new double[runs];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            last = Rank();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / runs;
        return (Median(times), allocated, last);
    }

    private static (double MedianMs, IReadOnlyList<(int, double)> Last) MeasureBaseline(
        LinqBaseline baseline,
        List<(Registrant Registrant, RegistrantHistory History)> people,
        Request request)
    {
        IReadOnlyList<(int, double)> Rank(IEnumerable<(Registrant, RegistrantHistory)> who) =>
            baseline.Rank(who, request, SyntheticWorld.TypicalGroupKind, MatchWeights.Default, MatchEngine.DefaultTopK);

        // Warm up on a slice: a full pass over a million registrants takes seconds.
        for (var i = 0; i < 40; i++)
        {
            Rank(people.Take(Math.Min(people.Count, 2_000)));
        }
        Thread.Sleep(300);

        var times = new List<double>();
        IReadOnlyList<(int, double)> last;
        var spent = Stopwatch.StartNew();
        do
        {
            var started = Stopwatch.GetTimestamp();
            last = Rank(people);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        while (times.Count < 3 || (times.Count < 15 && spent.Elapsed < BaselineBudget));
        return (Median([.. times]), last);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
