namespace KyodoHub.Web.Features.Notifications;

/// <summary>
/// Wakes this instance's dispatcher when a commit wrote notifications, so that they leave at once
/// rather than at the next poll. A waiter takes <see cref="Next"/> before it looks for work, so a
/// nudge that comes while it works is not lost.
/// </summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next nudge.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Nudge() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
