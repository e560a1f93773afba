using KyodoHub.Core.Common;
using KyodoHub.Core.Matching;

namespace KyodoHub.Tests.Matching;

public class MatchWeightsTests
{
    [Fact]
    public void TheDefaultsAreValidAndPutSkillsFirst()
    {
        var w = MatchWeights.Default;

        Assert.True(w.Sum > 0);
        Assert.True(new[] { w.Proximity, w.Slack, w.Fairness, w.Reliability, w.Preference }.All(other => w.SkillFit > other));
    }

    [Theory]
    [InlineData(-0.1, 0, 0, 0, 0, 0, "SkillFit")]
    [InlineData(1, -1, 0, 0, 0, 0, "Proximity")]
    [InlineData(1, 0, -1, 0, 0, 0, "Slack")]
    [InlineData(1, 0, 0, -1, 0, 0, "Fairness")]
    [InlineData(1, 0, 0, 0, -1, 0, "Reliability")]
    [InlineData(1, 0, 0, 0, 0, -1, "Preference")]
    public void RejectsANegativeWeightNamingIt(double s, double p, double l, double f, double r, double pr, string field)
    {
        var error = Assert.Throws<DomainValidationException>(() => new MatchWeights(s, p, l, f, r, pr));

        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RejectsAWeightThatIsNotANumber(double weight) =>
        Assert.Throws<DomainValidationException>(() => new MatchWeights(weight, 1, 1, 1, 1, 1));

    [Fact]
    public void RejectsWeightsThatAreAllZero()
    {
        var error = Assert.Throws<DomainValidationException>(() => new MatchWeights(0, 0, 0, 0, 0, 0));

        Assert.Equal("AllZero", error.Code);
    }

    [Fact]
    public void TheTotalIsTheWeightedMeanOfTheComponents()
    {
        var weights = new MatchWeights(2, 1, 0, 1, 0, 0);
        var breakdown = new ScoreBreakdown(1.0, 0.5, 0.9, 0.0, 0.9, 0.9);

        Assert.Equal(((2 * 1.0) + (1 * 0.5) + (1 * 0.0)) / 4, weights.Total(breakdown), 12);
    }

    [Fact]
    public void ScalingEveryWeightLeavesTheTotalUnchanged()
    {
        var breakdown = new ScoreBreakdown(0.7, 0.2, 0.4, 0.9, 0.8, 0.5);
        var scaled = new MatchWeights(4.0, 1.5, 0.5, 1.5, 1.5, 1.0);

        Assert.Equal(MatchWeights.Default.Total(breakdown), scaled.Total(breakdown), 12);
    }

    [Fact]
    public void WeightsWithTheSameValuesAreEqual() =>
        Assert.Equal(new MatchWeights(0.40, 0.15, 0.05, 0.15, 0.15, 0.10), MatchWeights.Default);
}
