using KyodoHub.Core.Matching;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;

namespace KyodoHub.Tests.Matching;

/// <summary>"Monthly cap reached": confirmed activities per Tokyo month plus this request.</summary>
public class MonthlyCapTests
{
    [Fact]
    public void IncludesARegistrantBelowTheirCap() =>
        Assert.Empty(Explain(cap: 4, Month(2026, 12, 3)).Reasons);

    [Fact]
    public void ExcludesARegistrantAtTheirCap() =>
        Assert.Equal([ExclusionReason.MonthlyCapReached], Explain(cap: 4, Month(2026, 12, 4)).Reasons);

    [Fact]
    public void ExcludesARegistrantAboveTheirCap() =>
        Assert.Equal([ExclusionReason.MonthlyCapReached], Explain(cap: 2, Month(2026, 12, 5)).Reasons);

    [Fact]
    public void ActivitiesInOtherMonthsDoNotCount() =>
        Assert.Empty(Explain(cap: 2, Month(2026, 11, 2), Month(2027, 1, 2)).Reasons);

    [Fact]
    public void ARegistrantWithNoHistoryIsNeverCapped() =>
        Assert.Empty(MatchFixture.Explain(new RegistrantBuilder(1).WithMonthlyCap(1).Build(), new RequestBuilder().Build()).Reasons);

    [Fact]
    public void EveryMonthWithASessionMustHaveRoom()
    {
        var request = new RequestBuilder().On(new DateOnly(2026, 12, 12), "10:00", "12:00").On(new DateOnly(2027, 1, 9), "10:00", "12:00").Build();

        Assert.Equal([ExclusionReason.MonthlyCapReached], Explain(request, cap: 3, Month(2026, 12, 1), Month(2027, 1, 3)).Reasons);
        Assert.Empty(Explain(request, cap: 3, Month(2026, 12, 2), Month(2027, 1, 2)).Reasons);
    }

    [Fact]
    public void SeveralSessionsInOneMonthAreOneActivity() =>
        Assert.Empty(Explain(
            new RequestBuilder().On(new DateOnly(2026, 12, 5), "10:00", "12:00").On(new DateOnly(2026, 12, 12), "10:00", "12:00").Build(),
            cap: 2,
            Month(2026, 12, 1)).Reasons);

    [Fact]
    public void UsesTheTokyoMonthAtAMonthBoundary()
    {
        // New Year's Day 00:30 in Tokyo is still 31 December in UTC.
        var request = new RequestBuilder().On(new DateOnly(2027, 1, 1), "00:30", "02:00").Build();
        Assert.Equal(12, request.Sessions[0].Start.UtcDateTime.Month);

        Assert.Empty(Explain(request, cap: 2, Month(2026, 12, 2)).Reasons);
        Assert.Equal([ExclusionReason.MonthlyCapReached], Explain(request, cap: 2, Month(2027, 1, 2)).Reasons);
    }

    [Fact]
    public void ASessionAcrossMidnightAtTheEndOfAMonthFallsInBothMonths()
    {
        var request = new RequestBuilder().On(new DateOnly(2027, 1, 31), "22:00", "01:00").Build();

        Assert.Equal([ExclusionReason.MonthlyCapReached], Explain(request, cap: 2, Month(2027, 2, 2)).Reasons);
        Assert.Equal([ExclusionReason.MonthlyCapReached], Explain(request, cap: 2, Month(2027, 1, 2)).Reasons);
        Assert.Empty(Explain(request, cap: 2, Month(2027, 1, 1), Month(2027, 2, 1)).Reasons);
    }

    [Fact]
    public void ASessionEndingAtMidnightDoesNotFallInTheNextMonth() =>
        Assert.Empty(Explain(new RequestBuilder().On(new DateOnly(2027, 1, 31), "22:00", "24:00").Build(), cap: 2, Month(2027, 2, 2)).Reasons);

    private static MonthlyActivityCount Month(int year, int month, int count) => new(year, month, count);

    private static MatchExplanation Explain(int cap, params MonthlyActivityCount[] months) =>
        Explain(new RequestBuilder().Build(), cap, months);

    private static MatchExplanation Explain(Request request, int cap, params MonthlyActivityCount[] months)
    {
        Registrant registrant = new RegistrantBuilder(1).AlwaysAvailable().WithMonthlyCap(cap).Build();
        return MatchFixture.Explain(registrant, request, new RegistrantHistory(monthlyActivities: months));
    }
}
