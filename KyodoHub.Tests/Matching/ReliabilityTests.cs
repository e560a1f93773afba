using KyodoHub.Core.Matching;

namespace KyodoHub.Tests.Matching;

/// <summary>Reliability: completion rate and ratings, smoothed towards a prior (0.9 completion, rating 4 of 5).</summary>
public class ReliabilityTests
{
    private const double Prior = (0.6 * 0.9) + (0.4 * 0.75);

    [Fact]
    public void ANewcomerSitsAtThePriorNotAtZero() =>
        Assert.Equal(Prior, Reliability(RegistrantHistory.Empty), 12);

    [Fact]
    public void AGoodRecordScoresAboveThePrior() =>
        Assert.True(Reliability(new RegistrantHistory(completedCount: 20, ratingSum: 100, ratingCount: 20)) > Prior);

    [Fact]
    public void NoShowsLowerReliability() =>
        Assert.True(Reliability(new RegistrantHistory(completedCount: 5, noShowCount: 3)) < Prior);

    [Fact]
    public void LowRatingsLowerReliability() =>
        Assert.True(Reliability(new RegistrantHistory(completedCount: 5, ratingSum: 10, ratingCount: 5)) < Prior);

    [Fact]
    public void OneBadFirstExperienceMovesANewcomerOnlyPartWay()
    {
        var afterOne = Reliability(new RegistrantHistory(noShowCount: 1, ratingSum: 1, ratingCount: 1));
        var afterTen = Reliability(new RegistrantHistory(noShowCount: 10, ratingSum: 10, ratingCount: 10));

        Assert.InRange(afterOne, afterTen, Prior);
        Assert.True(afterOne > 0.5);
    }

    [Fact]
    public void AMoreProvenRecordCountsForMore() =>
        Assert.True(
            Reliability(new RegistrantHistory(completedCount: 50, ratingSum: 250, ratingCount: 50))
            > Reliability(new RegistrantHistory(completedCount: 2, ratingSum: 10, ratingCount: 2)));

    [Theory]
    [InlineData(1000, 0, 5000, 1000)]
    [InlineData(0, 1000, 1000, 1000)]
    public void StaysWithinZeroAndOne(int completed, int noShows, int ratingSum, int ratingCount) =>
        Assert.InRange(Reliability(new RegistrantHistory(completedCount: completed, noShowCount: noShows, ratingSum: ratingSum, ratingCount: ratingCount)), 0.0, 1.0);

    private static double Reliability(RegistrantHistory history) =>
        MatchFixture.Explain(new RegistrantBuilder(1).Build(), new RequestBuilder().Build(), history).Breakdown.Reliability;
}
