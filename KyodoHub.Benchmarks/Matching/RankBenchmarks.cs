using BenchmarkDotNet.Attributes;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Matching;

namespace KyodoHub.Benchmarks.Matching;

/// <summary>
/// Ranking one typical request with the engine, against the plain LINQ implementation of the same
/// score, for a small, a city-sized and a very large register.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class RankBenchmarks
{
    private List<(Registrant Registrant, RegistrantHistory History)> _people = [];
    private MatchIndex _index = null!;
    private MatchEngine _engine = null!;
    private LinqBaseline _baseline = null!;
    private Request _request = null!;

    [Params(1_000, 100_000, 1_000_000)]
    public int Registrants { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _people = SyntheticWorld.PeopleInParallel(Registrants);
        _index = MatchIndex.Build(_people.Select(p => p.Registrant), r => _people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags);
        _engine = new MatchEngine(SyntheticWorld.Clock);
        _baseline = new LinqBaseline(SyntheticWorld.Areas, SyntheticWorld.Tags, SyntheticWorld.Clock);
        _request = SyntheticWorld.TypicalRequest();
    }

    [Benchmark]
    public MatchResult Engine() => _engine.Rank(_index, _request, SyntheticWorld.TypicalGroupKind);

    [Benchmark(Baseline = true)]
    public int Linq() => _baseline.Rank(_people, _request, SyntheticWorld.TypicalGroupKind, MatchWeights.Default, MatchEngine.DefaultTopK).Count;
}
