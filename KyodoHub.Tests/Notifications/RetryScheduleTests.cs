using KyodoHub.Core.Notifications;

namespace KyodoHub.Tests.Notifications;

public class RetryScheduleTests
{
    private static readonly RetrySchedule Schedule = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), 5);

    [Fact]
    public void TheDelayDoublesAfterEachFailureUpToTheCap()
    {
        Assert.Equal(
            [TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5)],
            Enumerable.Range(1, 6).Select(Schedule.DelayAfter));
    }

    [Fact]
    public void AVeryLateAttemptWaitsTheCapRatherThanOverflowing() =>
        Assert.Equal(TimeSpan.FromMinutes(5), Schedule.DelayAfter(1000));

    [Fact]
    public void NoFurtherAttemptIsAllowedAfterTheLast()
    {
        Assert.True(Schedule.AllowsAnother(4));
        Assert.False(Schedule.AllowsAnother(5));
    }

    [Fact]
    public void ACapBelowTheFirstDelayIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetrySchedule(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), 3));
}
