namespace KyodoHub.Core.Notifications;

/// <summary>
/// When a failed delivery is tried again: the first delay after the first failure, doubling after
/// each further one up to a cap, and no further try after <see cref="MaxAttempts"/> attempts.
/// </summary>
public sealed record RetrySchedule
{
    public RetrySchedule(TimeSpan firstDelay, TimeSpan maxDelay, int maxAttempts)
    {
        if (firstDelay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(firstDelay), "The first delay must be positive.");
        }
        if (maxDelay < firstDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDelay), "The cap must not be below the first delay.");
        }
        if (maxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAttempts), "At least one attempt is needed.");
        }
        FirstDelay = firstDelay;
        MaxDelay = maxDelay;
        MaxAttempts = maxAttempts;
    }

    /// <summary>30 seconds, doubling to at most an hour, ten attempts (about five hours in all).</summary>
    public static RetrySchedule Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 10);

    public TimeSpan FirstDelay { get; }
    public TimeSpan MaxDelay { get; }
    public int MaxAttempts { get; }

    /// <summary>Whether a notification that has failed <paramref name="attempts"/> times may be tried again.</summary>
    public bool AllowsAnother(int attempts) => attempts < MaxAttempts;

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt (1-based).</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        // Doubling past 2^30 overflows long before any cap matters; stop at the cap instead.
        var doublings = Math.Min(attempts - 1, 30);
        var ticks = FirstDelay.Ticks * (double)(1L << doublings);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
