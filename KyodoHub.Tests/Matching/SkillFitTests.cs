using KyodoHub.Core.Skills;

namespace KyodoHub.Tests.Matching;

public class SkillFitTests
{
    [Fact]
    public void HoldingTheRequiredSkillAsAnExpertFitsFully() =>
        Assert.Equal(1.0, Fit(Requiring(TestTags.PcClass), (TestTags.PcClass, SkillLevel.Expert)));

    [Theory]
    [InlineData(SkillLevel.Beginner, 0.8)]
    [InlineData(SkillLevel.Experienced, 0.9)]
    [InlineData(SkillLevel.Expert, 1.0)]
    public void AHeldSkillCountsByItsLevel(SkillLevel level, double expected) =>
        Assert.Equal(expected, Fit(Requiring(TestTags.PcClass), (TestTags.PcClass, level)), 12);

    [Fact]
    public void ATagSharingASynonymCountsPartly() =>
        Assert.Equal(0.6, Fit(Requiring(TestTags.PcClass), (TestTags.PcRepair, SkillLevel.Expert)), 12);

    [Fact]
    public void ATaxonomyNeighbourCountsLessThanASynonym() =>
        Assert.Equal(0.3, Fit(Requiring(TestTags.PcClass), (TestTags.SmartphoneClass, SkillLevel.Expert)), 12);

    [Fact]
    public void AnUnrelatedSkillCountsNothing() =>
        Assert.Equal(0.0, Fit(Requiring(TestTags.PcClass), (TestTags.Walking, SkillLevel.Expert)));

    [Fact]
    public void ARegistrantWithoutSkillsFitsNothing() =>
        Assert.Equal(0.0, Fit(Requiring(TestTags.PcClass)));

    [Fact]
    public void TheBestMatchOfATagCounts() =>
        Assert.Equal(0.8, Fit(
            Requiring(TestTags.PcClass),
            (TestTags.SmartphoneClass, SkillLevel.Expert),
            (TestTags.PcRepair, SkillLevel.Expert),
            (TestTags.PcClass, SkillLevel.Beginner)), 12);

    [Fact]
    public void TheFitIsTheMeanOverTheRequiredSkills() =>
        Assert.Equal(0.5, Fit(Requiring(TestTags.PcClass, TestTags.SignLanguage), (TestTags.PcClass, SkillLevel.Expert)), 12);

    [Fact]
    public void RequiredSkillsDominateWelcomeSkills()
    {
        var request = new RequestBuilder().Requiring(TestTags.PcClass).Welcoming(TestTags.SportsCoaching).Build();

        var onlyRequired = Fit(request, (TestTags.PcClass, SkillLevel.Expert));
        var onlyWelcome = Fit(request, (TestTags.SportsCoaching, SkillLevel.Expert));

        Assert.Equal(0.8, onlyRequired, 12);
        Assert.Equal(0.2, onlyWelcome, 12);
    }

    [Fact]
    public void WelcomeSkillsAdd()
    {
        var request = new RequestBuilder().Requiring(TestTags.PcClass).Welcoming(TestTags.SportsCoaching).Build();

        Assert.Equal(1.0, Fit(request, (TestTags.PcClass, SkillLevel.Expert), (TestTags.SportsCoaching, SkillLevel.Expert)), 12);
        Assert.True(Fit(request, (TestTags.PcClass, SkillLevel.Expert), (TestTags.Walking, SkillLevel.Expert)) > Fit(request, (TestTags.PcClass, SkillLevel.Expert)));
    }

    [Fact]
    public void WithOnlyWelcomeSkillsTheyMakeTheWholeFit() =>
        Assert.Equal(0.9, Fit(new RequestBuilder().Welcoming(TestTags.Walking).Build(), (TestTags.Walking, SkillLevel.Experienced)), 12);

    [Fact]
    public void ARequestThatNeedsNoSkillFitsEveryone() =>
        Assert.Equal(1.0, Fit(new RequestBuilder().Build()));

    [Fact]
    public void ATagOutsideTheTaxonomyCountsNothing() =>
        Assert.Equal(0.0, Fit(Requiring(TestTags.Unknown), (TestTags.Unknown, SkillLevel.Expert)));

    [Fact]
    public void AnExcludedRegistrantStillHasASkillFit()
    {
        var registrant = new RegistrantBuilder(1).WithSkill(TestTags.PcClass).Paused().Build();

        Assert.Equal(1.0, MatchFixture.Explain(registrant, Requiring(TestTags.PcClass)).Breakdown.SkillFit);
    }

    private static KyodoHub.Core.Requests.Request Requiring(params int[] tags) => new RequestBuilder().Requiring(tags).Build();

    private static double Fit(KyodoHub.Core.Requests.Request request, params (int Tag, SkillLevel Level)[] skills)
    {
        var builder = new RegistrantBuilder(1);
        foreach (var (tag, level) in skills)
        {
            builder.WithSkill(tag, level);
        }
        return MatchFixture.Explain(builder.Build(), request).Breakdown.SkillFit;
    }
}
