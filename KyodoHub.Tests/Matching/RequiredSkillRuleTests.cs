using KyodoHub.Core.Matching;

namespace KyodoHub.Tests.Matching;

public class RequiredSkillRuleTests
{
    [Fact]
    public void AMissingRequiredSkillOnlyLowersTheScoreUnderTheScoreRule()
    {
        var request = new RequestBuilder().Requiring(TestTags.SignLanguage).Build();
        var without = new RegistrantBuilder(1).AlwaysAvailable().Build();

        var explanation = MatchFixture.Explain(without, request);

        Assert.False(explanation.IsExcluded);
    }

    [Fact]
    public void AMissingRequiredSkillExcludesUnderTheExcludeRule()
    {
        var request = new RequestBuilder().Requiring(TestTags.SignLanguage).ExcludingMissingRequired().Build();
        var without = new RegistrantBuilder(1).AlwaysAvailable().WithSkill(TestTags.Listening).Build();

        var explanation = MatchFixture.Explain(without, request);

        Assert.Equal([ExclusionReason.RequiredSkillMissing], explanation.Reasons);
    }

    [Fact]
    public void HoldingTheSkillAtAnyLevelOrASynonymOfItKeepsACandidateUnderTheExcludeRule()
    {
        var request = new RequestBuilder().Requiring(TestTags.PcClass).ExcludingMissingRequired().Build();
        var beginner = new RegistrantBuilder(1).AlwaysAvailable().WithSkill(TestTags.PcClass, Core.Skills.SkillLevel.Beginner).Build();
        var synonym = new RegistrantBuilder(2).AlwaysAvailable().WithSkill(TestTags.PcRepair).Build();
        var neighbourOnly = new RegistrantBuilder(3).AlwaysAvailable().WithSkill(TestTags.SmartphoneClass).Build();

        var result = MatchFixture.Rank(MatchFixture.Index(beginner, synonym, neighbourOnly), request);

        Assert.Equal([1, 2], result.Ranked.Select(c => c.RegistrantId).Order());
        var excluded = Assert.Single(result.Excluded);
        Assert.Equal(3, excluded.RegistrantId);
        Assert.Equal([ExclusionReason.RequiredSkillMissing], excluded.Reasons);
        Assert.Equal(1, result.CountsByReason[ExclusionReason.RequiredSkillMissing]);
    }

    [Fact]
    public void EveryRequiredSkillIsNeededUnderTheExcludeRule()
    {
        var request = new RequestBuilder().Requiring(TestTags.PcClass, TestTags.SignLanguage).ExcludingMissingRequired().Build();
        var one = new RegistrantBuilder(1).AlwaysAvailable().WithSkill(TestTags.PcClass).Build();
        var both = new RegistrantBuilder(2).AlwaysAvailable().WithSkill(TestTags.PcClass).WithSkill(TestTags.SignLanguage).Build();

        var result = MatchFixture.Rank(MatchFixture.Index(one, both), request);

        Assert.Equal([2], result.Ranked.Select(c => c.RegistrantId));
    }

    [Fact]
    public void AMissingSkillCountsWithTheOtherReasonsOfManyRegistrants()
    {
        // Enough registrants for the vectorised count to run, with every reason's bit in play.
        var request = new RequestBuilder().Requiring(TestTags.SignLanguage).ExcludingMissingRequired().Build();
        var people = Enumerable.Range(1, 40)
            .Select(i => i % 2 == 0
                ? new RegistrantBuilder(i).AlwaysAvailable().WithSkill(TestTags.SignLanguage).Build()
                : new RegistrantBuilder(i).NeverAvailable().Build())
            .ToArray();

        var result = MatchFixture.Rank(MatchFixture.Index(people), request);

        Assert.Equal(20, result.EligibleCount);
        Assert.Equal(20, result.CountsByReason[ExclusionReason.RequiredSkillMissing]);
        Assert.Equal(20, result.CountsByReason[ExclusionReason.NotAvailable]);
    }
}
