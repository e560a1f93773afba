using KyodoHub.Core.Areas;
using KyodoHub.Core.Groups;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Skills;

namespace KyodoHub.Tests.Matching;

/// <summary>Ranking as a whole: order, ties, top K, trial weights, the excluded sample, counts and Explain.</summary>
public class MatchEngineTests
{
    [Fact]
    public void ReturnsTheBestCandidatesFirst()
    {
        var index = MatchFixture.Index(
            new RegistrantBuilder(1).WithSkill(TestTags.SmartphoneClass).Build(),
            new RegistrantBuilder(2).WithSkill(TestTags.PcClass, SkillLevel.Expert).Build(),
            new RegistrantBuilder(3).WithSkill(TestTags.PcClass, SkillLevel.Beginner).Build());

        var result = MatchFixture.Rank(index, new RequestBuilder().Requiring(TestTags.PcClass).Build());

        Assert.Equal([2, 3, 1], result.Ranked.Select(c => c.RegistrantId));
        Assert.True(result.Ranked.Zip(result.Ranked.Skip(1)).All(pair => pair.First.Total >= pair.Second.Total));
    }

    [Fact]
    public void ReturnsTwentyCandidatesByDefault()
    {
        var index = MatchFixture.Index([.. Enumerable.Range(1, 30).Select(id => new RegistrantBuilder(id).Build())]);

        Assert.Equal(MatchEngine.DefaultTopK, MatchFixture.Rank(index, new RequestBuilder().Build()).Ranked.Count);
        Assert.Equal(5, MatchFixture.Rank(index, new RequestBuilder().Build(), topK: 5).Ranked.Count);
        Assert.Equal(30, MatchFixture.Rank(index, new RequestBuilder().Build(), topK: 100).Ranked.Count);
    }

    [Fact]
    public void BreaksTiesByTheLowerRegistrantId()
    {
        var index = MatchFixture.Index(new RegistrantBuilder(9).Build(), new RegistrantBuilder(3).Build(), new RegistrantBuilder(5).Build());

        var result = MatchFixture.Rank(index, new RequestBuilder().Build());

        Assert.Equal(result.Ranked[0].Total, result.Ranked[2].Total);
        Assert.Equal([3, 5, 9], result.Ranked.Select(c => c.RegistrantId));
    }

    [Fact]
    public void KeepsTheLowestIdsAmongEqualCandidatesWhenTheListIsFull()
    {
        var index = MatchFixture.Index([.. Enumerable.Range(1, 50).Reverse().Select(id => new RegistrantBuilder(id).Build())]);

        Assert.Equal(Enumerable.Range(1, 10), MatchFixture.Rank(index, new RequestBuilder().Build(), topK: 10).Ranked.Select(c => c.RegistrantId));
    }

    [Fact]
    public void EachTotalIsTheWeightedMeanOfItsBreakdown()
    {
        var index = MatchFixture.Index(
            new RegistrantBuilder(1).WithSkill(TestTags.PcClass).InArea(MatchFixture.Nishisuna).Build(),
            new RegistrantBuilder(2).WithSkill(TestTags.PcRepair).AvailableOn(DayOfWeek.Saturday, "09:30", "12:00").Build());
        var weights = new MatchWeights(3, 2, 1, 1, 1, 1);

        var result = MatchFixture.Rank(index, new RequestBuilder().Requiring(TestTags.PcClass).Build(), weights);

        Assert.All(result.Ranked, c => Assert.Equal(weights.Total(c.Breakdown), c.Total));
        Assert.Same(weights, result.Weights);
    }

    [Fact]
    public void TrialWeightsReorderTheCandidates()
    {
        var index = MatchFixture.Index(
            new RegistrantBuilder(1).WithSkill(TestTags.PcClass).InArea(MatchFixture.Nishisuna).Build(),
            new RegistrantBuilder(2).WithSkill(TestTags.SmartphoneClass).InArea(MatchFixture.Takamatsu).Build());
        var request = new RequestBuilder().Requiring(TestTags.PcClass).InArea(MatchFixture.Takamatsu).Build();

        Assert.Equal(1, MatchFixture.Rank(index, request).Ranked[0].RegistrantId);
        Assert.Equal(2, MatchFixture.Rank(index, request, MatchFixture.Only("proximity")).Ranked[0].RegistrantId);
    }

    [Fact]
    public void GivesTheSameResultForTheSameInput()
    {
        var people = SyntheticWorld.People(500, seed: 9).ToList();
        var index = MatchIndex.Build(people.Select(p => p.Registrant), r => people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags);
        var engine = new MatchEngine(SyntheticWorld.Clock);

        var first = engine.Rank(index, SyntheticWorld.TypicalRequest(), SyntheticWorld.TypicalGroupKind);
        var second = engine.Rank(index, SyntheticWorld.TypicalRequest(), SyntheticWorld.TypicalGroupKind);

        Assert.Equal(first.Ranked, second.Ranked);
        Assert.Equal(first.Excluded.Select(e => (e.RegistrantId, e.SkillFit, string.Join(",", e.Reasons))), second.Excluded.Select(e => (e.RegistrantId, e.SkillFit, string.Join(",", e.Reasons))));
        Assert.Equal(first.CountsByReason, second.CountsByReason);
    }

    [Fact]
    public void ReportsAtMostFiftyExcludedRegistrantsByDefault()
    {
        var index = MatchFixture.Index([.. Enumerable.Range(1, 80).Select(id => new RegistrantBuilder(id).Paused().Build())]);

        var result = MatchFixture.Rank(index, new RequestBuilder().Build());

        Assert.Equal(MatchEngine.DefaultExcludedSample, result.Excluded.Count);
        Assert.Equal(80, result.ExcludedCount);
        Assert.Equal(80, result.CountsByReason[ExclusionReason.NotActive]);
    }

    [Fact]
    public void ReportsTheExcludedRegistrantsWhoFitTheSkillsBest()
    {
        var index = MatchFixture.Index(
            new RegistrantBuilder(1).Paused().Build(),
            new RegistrantBuilder(2).Paused().WithSkill(TestTags.PcClass, SkillLevel.Beginner).Build(),
            new RegistrantBuilder(3).NeverAvailable().WithSkill(TestTags.PcClass).Build(),
            new RegistrantBuilder(4).Paused().WithSkill(TestTags.PcRepair).Build(),
            new RegistrantBuilder(5).Paused().WithSkill(TestTags.PcClass, SkillLevel.Beginner).Build());

        var result = MatchFixture.Engine().Rank(index, new RequestBuilder().Requiring(TestTags.PcClass).Build(), GroupKind.School, excludedSample: 3);

        Assert.Equal([3, 2, 5], result.Excluded.Select(e => e.RegistrantId));
        Assert.Equal([1.0, 0.8, 0.8], result.Excluded.Select(e => e.SkillFit));
    }

    [Fact]
    public void EveryRegistrantIsEitherEligibleOrExcluded()
    {
        var people = SyntheticWorld.People(800, seed: 3).ToList();
        var index = MatchIndex.Build(people.Select(p => p.Registrant), r => people[r.Id - 1].History, SyntheticWorld.Areas, SyntheticWorld.Tags);

        var result = new MatchEngine(SyntheticWorld.Clock).Rank(index, SyntheticWorld.TypicalRequest(), SyntheticWorld.TypicalGroupKind);

        Assert.Equal(index.Count, result.EligibleCount + result.ExcludedCount);
        Assert.True(result.CountsByReason.Values.Sum() >= result.ExcludedCount);
        Assert.Equal(ExclusionReasons.All, result.CountsByReason.Keys);
    }

    [Fact]
    public void ExplainGivesAnEligibleRegistrantTheSameScoreAsTheRanking()
    {
        var index = MatchFixture.Index(
            new RegistrantBuilder(1).WithSkill(TestTags.PcRepair).InArea(MatchFixture.Nishisuna).Build(),
            new RegistrantBuilder(2).WithSkill(TestTags.PcClass).Build());
        var request = new RequestBuilder().Requiring(TestTags.PcClass).Build();
        var engine = MatchFixture.Engine();

        var ranked = engine.Rank(index, request, GroupKind.NeighbourhoodAssociation).Ranked.Single(c => c.RegistrantId == 1);
        var explained = engine.Explain(index, request, GroupKind.NeighbourhoodAssociation, 1)!;

        Assert.False(explained.IsExcluded);
        Assert.Equal(ranked.Total, explained.Total);
        Assert.Equal(ranked.Breakdown, explained.Breakdown);
    }

    [Fact]
    public void ExplainSaysWhyAnyoneIsExcludedAndHowTheyWouldScore()
    {
        var index = MatchFixture.Index(new RegistrantBuilder(7).WithSkill(TestTags.PcClass).Retired().Build());

        var explained = MatchFixture.Engine().Explain(index, new RequestBuilder().Requiring(TestTags.PcClass).Build(), GroupKind.Npo, 7)!;

        Assert.True(explained.IsExcluded);
        Assert.Equal([ExclusionReason.NotActive], explained.Reasons);
        Assert.Equal(1.0, explained.Breakdown.SkillFit);
        Assert.Equal(MatchWeights.Default.Total(explained.Breakdown), explained.Total);
    }

    [Fact]
    public void ExplainReturnsNullForSomeoneNotInTheIndex() =>
        Assert.Null(MatchFixture.Engine().Explain(MatchFixture.Index(new RegistrantBuilder(1).Build()), new RequestBuilder().Build(), GroupKind.Npo, 2));

    [Fact]
    public void RanksAnEmptyIndex()
    {
        var result = MatchFixture.Rank(MatchIndex.Empty(TachikawaAreas.All, TestTags.All), new RequestBuilder().Build());

        Assert.Empty(result.Ranked);
        Assert.Empty(result.Excluded);
        Assert.Equal(0, result.EligibleCount + result.ExcludedCount);
    }

    [Fact]
    public void ATopKOfZeroStillCounts()
    {
        var index = MatchFixture.Index(new RegistrantBuilder(1).Build(), new RegistrantBuilder(2).Paused().Build());

        var result = MatchFixture.Engine().Rank(index, new RequestBuilder().Build(), GroupKind.Npo, topK: 0, excludedSample: 0);

        Assert.Empty(result.Ranked);
        Assert.Empty(result.Excluded);
        Assert.Equal(1, result.EligibleCount);
        Assert.Equal(1, result.CountsByReason[ExclusionReason.NotActive]);
    }

    [Fact]
    public void RejectsANegativeTopK() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MatchFixture.Engine().Rank(MatchFixture.Index(), new RequestBuilder().Build(), GroupKind.Npo, topK: -1));

    [Fact]
    public void RejectsAnUnknownGroupKind() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MatchFixture.Engine().Rank(MatchFixture.Index(), new RequestBuilder().Build(), (GroupKind)99));

    [Fact]
    public void NeedsAClock() =>
        Assert.Throws<ArgumentNullException>(() => new MatchEngine(null!));
}
