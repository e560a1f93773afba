using KyodoHub.Core.Matching;

namespace KyodoHub.Tests.Matching;

/// <summary>Fairness: fewer activities in the last 90 days and a newer registration score higher.</summary>
public class FairnessTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void ANewcomerWithNoHistoryIsFullyFair() =>
        Assert.Equal(1.0, Fairness(registeredDaysAgo: 0, RegistrantHistory.Empty), 12);

    [Fact]
    public void RecentActivitiesLowerFairness()
    {
        var none = Fairness(100, RegistrantHistory.Empty);
        var one = Fairness(100, Activities(-10));
        var three = Fairness(100, Activities(-10, -40, -80));

        Assert.True(none > one);
        Assert.True(one > three);
    }

    [Fact]
    public void ActivitiesMoreThanNinetyDaysAgoDoNotCount() =>
        Assert.Equal(Fairness(100, RegistrantHistory.Empty), Fairness(100, Activities(-91, -200)), 12);

    [Fact]
    public void AnActivityNinetyDaysAgoStillCounts() =>
        Assert.True(Fairness(100, Activities(-90)) < Fairness(100, RegistrantHistory.Empty));

    [Fact]
    public void ActivitiesAlreadyBookedAheadCount() =>
        Assert.True(Fairness(100, Activities(7)) < Fairness(100, RegistrantHistory.Empty));

    [Fact]
    public void AnOlderRegistrationScoresLower() =>
        Assert.True(Fairness(730, RegistrantHistory.Empty) < Fairness(30, RegistrantHistory.Empty));

    [Fact]
    public void OneRecentActivityAndAYearOnTheRegisterScoreHalf() =>
        Assert.Equal(0.5, Fairness(365, Activities(-1)), 12);

    [Fact]
    public void TodayComesFromTheClock()
    {
        var registrant = new RegistrantBuilder(1).RegisteredAt(MatchFixture.Now.AddDays(-100)).Build();
        var history = Activities(-60);

        var now = MatchFixture.Explain(registrant, new RequestBuilder().Build(), history).Breakdown.Fairness;
        var twoMonthsOn = MatchFixture.Explain(registrant, new RequestBuilder().Build(), history, now: MatchFixture.Now.AddDays(60)).Breakdown.Fairness;

        // Sixty days on, the activity has left the window, which outweighs the older registration.
        Assert.True(twoMonthsOn > now);
    }

    private static RegistrantHistory Activities(params int[] daysFromToday) =>
        new(activityDates: daysFromToday.Select(Today.AddDays));

    private static double Fairness(int registeredDaysAgo, RegistrantHistory history) =>
        MatchFixture.Explain(
            new RegistrantBuilder(1).RegisteredAt(MatchFixture.Now.AddDays(-registeredDaysAgo)).Build(),
            new RequestBuilder().Build(),
            history).Breakdown.Fairness;
}
