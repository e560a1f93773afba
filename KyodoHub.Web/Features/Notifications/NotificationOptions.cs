using KyodoHub.Core.Notifications;

namespace KyodoHub.Web.Features.Notifications;

/// <summary>The <c>Notifications</c> configuration section: how the dispatcher delivers the outbox.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the dispatcher looks for due notifications when nothing nudged it (another instance's commits).</summary>
    public double PollSeconds { get; set; } = 10;

    /// <summary>How long a dispatcher holds the rows it took; a crashed instance's rows are taken over after this.</summary>
    public double LeaseSeconds { get; set; } = 120;

    /// <summary>How many rows a dispatcher takes at once.</summary>
    public int BatchSize { get; set; } = 20;

    public double FirstRetrySeconds { get; set; } = 30;
    public double MaxRetrySeconds { get; set; } = 3600;
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The address the links in messages start with; empty: the first of <c>PublicOrigins</c>, else http://localhost:5080.</summary>
    public string? AppAddress { get; set; }

    public RetrySchedule Retries => new(TimeSpan.FromSeconds(FirstRetrySeconds), TimeSpan.FromSeconds(MaxRetrySeconds), MaxAttempts);
}
