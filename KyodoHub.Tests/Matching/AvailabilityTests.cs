using KyodoHub.Core.Matching;
using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;

namespace KyodoHub.Tests.Matching;

/// <summary>"Available for every session": weekly windows and dated exceptions, in Tokyo time.</summary>
public class AvailabilityTests
{
    private static readonly DateOnly Friday = new(2026, 12, 11);
    private static readonly DateOnly Saturday = MatchFixture.SessionDate;

    [Fact]
    public void IncludesARegistrantFreeForExactlyTheSession() =>
        AssertAvailable(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "10:00", "12:00").Build(), SaturdayMorning());

    [Fact]
    public void ExcludesARegistrantWhoseWindowEndsDuringTheSession() =>
        AssertNotAvailable(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "09:00", "11:30").Build(), SaturdayMorning());

    [Fact]
    public void ExcludesARegistrantFreeOnlyOnAnotherWeekday() =>
        AssertNotAvailable(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Sunday, "09:00", "13:00").Build(), SaturdayMorning());

    [Fact]
    public void ExcludesARegistrantWithNoAvailabilityAtAll() =>
        AssertNotAvailable(new RegistrantBuilder(1).NeverAvailable().Build(), SaturdayMorning());

    [Fact]
    public void ReadsTheSessionInTokyoTimeNotInUtc()
    {
        // Saturday 08:00 in Tokyo is Friday 23:00 UTC.
        var request = new RequestBuilder().On(Saturday, "08:00", "09:00").Build();
        Assert.Equal(DayOfWeek.Friday, request.Sessions[0].Start.UtcDateTime.DayOfWeek);

        AssertAvailable(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "07:00", "10:00").Build(), request);
        AssertNotAvailable(new RegistrantBuilder(2).AvailableOn(DayOfWeek.Friday, "22:00", "24:00").Build(), request);
    }

    [Fact]
    public void ASessionAcrossMidnightNeedsTheWindowsOfBothDays()
    {
        var request = new RequestBuilder().On(Friday, "22:00", "01:00").Build();

        AssertAvailable(
            new RegistrantBuilder(1).AvailableOn(DayOfWeek.Friday, "20:00", "24:00").AvailableOn(DayOfWeek.Saturday, "00:00", "02:00").Build(),
            request);
        AssertNotAvailable(new RegistrantBuilder(2).AvailableOn(DayOfWeek.Friday, "20:00", "24:00").Build(), request);
        AssertNotAvailable(new RegistrantBuilder(3).AvailableOn(DayOfWeek.Saturday, "00:00", "02:00").Build(), request);
    }

    [Fact]
    public void ASessionAcrossMidnightFromSaturdayWrapsToSunday() =>
        AssertAvailable(
            new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "21:00", "24:00").AvailableOn(DayOfWeek.Sunday, "00:00", "01:00").Build(),
            new RequestBuilder().On(Saturday, "23:00", "00:30").Build());

    [Fact]
    public void EverySessionMustFitNotJustOne()
    {
        var request = new RequestBuilder().On(Saturday, "10:00", "12:00").On(Saturday.AddDays(1), "10:00", "12:00").Build();

        AssertNotAvailable(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "09:00", "13:00").Build(), request);
        AssertAvailable(
            new RegistrantBuilder(2).AvailableOn(DayOfWeek.Saturday, "09:00", "13:00").AvailableOn(DayOfWeek.Sunday, "10:00", "12:00").Build(),
            request);
    }

    [Fact]
    public void ADatedExceptionThatRemovesOneSaturdayExcludesAWeeklyRequestOnThatSaturday()
    {
        var weekly = new RequestBuilder().On(Saturday, "10:00", "12:00").On(Saturday.AddDays(7), "10:00", "12:00").Build();

        AssertNotAvailable(
            new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "09:00", "13:00").UnavailableOn(Saturday.AddDays(7)).Build(),
            weekly);
    }

    [Fact]
    public void ADatedExceptionOnADayWithoutASessionDoesNotMatter() =>
        AssertAvailable(
            new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "09:00", "13:00").UnavailableOn(Saturday.AddDays(14)).UnavailableOn(Saturday.AddDays(-7)).Build(),
            new RequestBuilder().On(Saturday, "10:00", "12:00").On(Saturday.AddDays(7), "10:00", "12:00").Build());

    [Fact]
    public void APartDayExceptionExcludesOnlyWhenItTouchesTheSession()
    {
        AssertNotAvailable(
            new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "09:00", "13:00").UnavailableOn(Saturday, "11:50", "12:40").Build(),
            SaturdayMorning());
        AssertAvailable(
            new RegistrantBuilder(2).AvailableOn(DayOfWeek.Saturday, "09:00", "13:00").UnavailableOn(Saturday, "12:00", "12:40").Build(),
            SaturdayMorning());
    }

    [Fact]
    public void ADatedAvailableExceptionAddsTimeTheWeeklyPatternLacks() =>
        AssertAvailable(new RegistrantBuilder(1).NeverAvailable().AlsoAvailableOn(Saturday, "09:30", "12:00").Build(), SaturdayMorning());

    [Fact]
    public void AnAddedWindowMustCoverTheWholeSession() =>
        AssertNotAvailable(new RegistrantBuilder(1).NeverAvailable().AlsoAvailableOn(Saturday, "10:30", "12:00").Build(), SaturdayMorning());

    [Fact]
    public void RemovingWinsOverAddingOnTheSameDate() =>
        AssertNotAvailable(
            new RegistrantBuilder(1).NeverAvailable().AlsoAvailableOn(Saturday, "09:00", "13:00").UnavailableOn(Saturday, "11:00", "11:15").Build(),
            SaturdayMorning());

    [Fact]
    public void AnExceptionOnTheSecondDayOfASessionAcrossMidnightCounts() =>
        AssertNotAvailable(
            new RegistrantBuilder(1)
                .AvailableOn(DayOfWeek.Friday, "20:00", "24:00")
                .AvailableOn(DayOfWeek.Saturday, "00:00", "02:00")
                .UnavailableOn(Saturday, "00:30", "01:00")
                .Build(),
            new RequestBuilder().On(Friday, "22:00", "01:00").Build());

    [Fact]
    public void ASessionNeedsEveryQuarterHourItTouches()
    {
        // 10:05 falls in the 10:00 quarter, which a window from 10:10 does not cover whole.
        var request = new RequestBuilder().On(Saturday, "10:05", "11:00").Build();

        AssertNotAvailable(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "10:10", "12:00").Build(), request);
        AssertAvailable(new RegistrantBuilder(2).AvailableOn(DayOfWeek.Saturday, "10:00", "11:00").Build(), request);
    }

    [Fact]
    public void AWindowCountsOnlyTheQuarterHoursItCoversWhole() =>
        AssertNotAvailable(
            new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "10:00", "10:50").Build(),
            new RequestBuilder().On(Saturday, "10:00", "10:50").Build());

    [Fact]
    public void TouchingWindowsOfOneDayJoinUp() =>
        AssertAvailable(
            new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "10:00", "10:50").AvailableOn(DayOfWeek.Saturday, "10:50", "12:00").Build(),
            SaturdayMorning());

    private static Request SaturdayMorning() => new RequestBuilder().On(Saturday, "10:00", "12:00").Build();

    private static void AssertAvailable(Registrant registrant, Request request) =>
        Assert.DoesNotContain(ExclusionReason.NotAvailable, MatchFixture.Explain(registrant, request).Reasons);

    private static void AssertNotAvailable(Registrant registrant, Request request) =>
        Assert.Equal([ExclusionReason.NotAvailable], MatchFixture.Explain(registrant, request).Reasons);
}
