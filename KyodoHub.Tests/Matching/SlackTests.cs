using KyodoHub.Core.Registrants;
using KyodoHub.Core.Requests;

namespace KyodoHub.Tests.Matching;

/// <summary>Availability slack: free time around the sessions, up to an hour on each side.</summary>
public class SlackTests
{
    private static readonly DateOnly Saturday = MatchFixture.SessionDate;

    [Fact]
    public void AWindowThatIsExactlyTheSessionLeavesNoSlack() =>
        Assert.Equal(0.0, Slack(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "10:00", "12:00").Build()));

    [Fact]
    public void AnHourFreeOnEachSideIsFullSlack() =>
        Assert.Equal(1.0, Slack(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "09:00", "13:00").Build()));

    [Fact]
    public void MoreThanAnHourCountsAsAnHour() =>
        Assert.Equal(1.0, Slack(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "06:00", "18:00").Build()));

    [Fact]
    public void HalfAnHourBeforeAndNothingAfterIsAQuarter() =>
        Assert.Equal(0.25, Slack(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "09:30", "12:00").Build()));

    [Fact]
    public void SlackIsAveragedOverTheSessions() =>
        Assert.Equal(0.5, Slack(
            new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "09:00", "13:00").AvailableOn(DayOfWeek.Sunday, "10:00", "12:00").Build(),
            new RequestBuilder().On(Saturday, "10:00", "12:00").On(Saturday.AddDays(1), "10:00", "12:00").Build()));

    [Fact]
    public void SlackLooksAcrossMidnight() =>
        Assert.Equal(1.0, Slack(
            new RegistrantBuilder(1).AvailableOn(DayOfWeek.Friday, "23:00", "24:00").AvailableOn(DayOfWeek.Saturday, "00:00", "03:00").Build(),
            new RequestBuilder().On(Saturday, "00:30", "02:00").Build()));

    [Fact]
    public void ADatedExceptionNextToTheSessionTakesItsSlack() =>
        Assert.Equal(0.5, Slack(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "09:00", "13:00").UnavailableOn(Saturday, "12:00", "13:00").Build()));

    [Fact]
    public void ADatedAddedWindowGivesSlack() =>
        Assert.Equal(1.0, Slack(new RegistrantBuilder(1).AvailableOn(DayOfWeek.Saturday, "10:00", "12:00").AlsoAvailableOn(Saturday, "09:00", "13:00").Build()));

    private static double Slack(Registrant registrant, Request? request = null) =>
        MatchFixture.Explain(registrant, request ?? new RequestBuilder().On(Saturday, "10:00", "12:00").Build()).Breakdown.Slack;
}
