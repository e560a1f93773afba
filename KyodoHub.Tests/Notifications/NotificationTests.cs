using KyodoHub.Core.Common;
using KyodoHub.Core.Notifications;

namespace KyodoHub.Tests.Notifications;

public class NotificationTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 13, 1, 0, 0, TimeSpan.Zero);
    private static readonly RetrySchedule Schedule = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), 3);

    private static Notification NewNotification() =>
        new(NotificationKind.OfferSent, RecipientKind.Registrant, "7", 42, "email", Guid.NewGuid(), Now);

    [Fact]
    public void ANewNotificationIsDueAtOnce()
    {
        var n = NewNotification();
        Assert.Equal(NotificationState.Pending, n.State);
        Assert.Equal(Now, n.NextAttemptAt);
        Assert.Equal(0, n.Attempts);
    }

    [Fact]
    public void AFailedAttemptIsTriedAgainAfterTheScheduleDelayKeepingTheError()
    {
        var n = NewNotification();
        n.MarkFailed("connection refused", permanent: false, Schedule, Now);
        n.MarkFailed("connection refused", permanent: false, Schedule, Now.AddSeconds(10));
        Assert.Equal(NotificationState.Pending, n.State);
        Assert.Equal(2, n.Attempts);
        Assert.Equal(Now.AddSeconds(30), n.NextAttemptAt);
        Assert.Equal("connection refused", n.LastError);
    }

    [Fact]
    public void TheLastFailedAttemptMakesADeadLetter()
    {
        var n = NewNotification();
        for (var i = 0; i < 3; i++)
        {
            n.MarkFailed("timeout", permanent: false, Schedule, Now);
        }
        Assert.Equal(NotificationState.Failed, n.State);
        Assert.Equal("timeout", n.LastError);
    }

    [Fact]
    public void APermanentRefusalMakesADeadLetterAtOnce()
    {
        var n = NewNotification();
        n.MarkFailed("550 mailbox unavailable", permanent: true, Schedule, Now);
        Assert.Equal(NotificationState.Failed, n.State);
        Assert.Equal(1, n.Attempts);
    }

    [Fact]
    public void ASentNotificationKeepsItsTimeAndCannotFailAfterwards()
    {
        var n = NewNotification();
        n.MarkSent(Now);
        Assert.Equal(NotificationState.Sent, n.State);
        Assert.Equal(Now, n.SentAt);
        Assert.Throws<DomainRuleException>(() => n.MarkFailed("late", false, Schedule, Now));
    }
}
