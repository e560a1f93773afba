using KyodoHub.Core.Matching;

namespace KyodoHub.Tests.Matching;

public class BaselineEquivalenceTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(5, 6)]
    [InlineData(6, 7)]
    [InlineData(7, 8)]
    public void TheEngineAndTheLinqBaselineReturnTheSameTopK(int worldSeed, int requestSeed)
    {
        var people = SyntheticWorld.People(5000, worldSeed).ToList();
        var request = SyntheticWorld.TypicalRequest(requestSeed);
        var index = MatchIndex.Build(people.Select(p => p.Registrant), r => people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags);
        var engine = new MatchEngine(SyntheticWorld.Clock);
        var baseline = new LinqBaseline(SyntheticWorld.Areas, SyntheticWorld.Tags, SyntheticWorld.Clock);

        var result = engine.Rank(index, request, SyntheticWorld.TypicalGroupKind, topK: 50);
        var expected = baseline.Rank(people, request, SyntheticWorld.TypicalGroupKind, MatchWeights.Default, 50);

        Assert.True(expected.Count >= 10, $"only {expected.Count} eligible: the world does not test much");
        Assert.Equal(expected, result.Ranked.Select(c => (c.RegistrantId, c.Total)).ToList());
    }

    [Fact]
    public void TheEngineAndTheLinqBaselineAgreeOnEveryExclusionAndBreakdown()
    {
        var people = SyntheticWorld.People(2000, seed: 4).ToList();
        var request = SyntheticWorld.TypicalRequest(4);
        var index = MatchIndex.Build(people.Select(p => p.Registrant), r => people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags);
        var engine = new MatchEngine(SyntheticWorld.Clock);
        var baseline = new LinqBaseline(SyntheticWorld.Areas, SyntheticWorld.Tags, SyntheticWorld.Clock);

        var result = engine.Rank(index, request, SyntheticWorld.TypicalGroupKind);

        foreach (var (registrant, history) in people)
        {
            var explained = engine.Explain(index, request, SyntheticWorld.TypicalGroupKind, registrant.Id)!;
            Assert.Equal(baseline.Reasons(registrant, history, request), explained.Reasons);
            Assert.Equal(baseline.Breakdown(registrant, history, request, SyntheticWorld.TypicalGroupKind), explained.Breakdown);
        }
        var expectedCounts = people
            .SelectMany(p => baseline.Reasons(p.Registrant, p.History, request))
            .GroupBy(r => r)
            .ToDictionary(g => g.Key, g => g.Count());
        foreach (var reason in ExclusionReasons.All)
        {
            Assert.Equal(expectedCounts.GetValueOrDefault(reason), result.CountsByReason[reason]);
        }
    }
}
