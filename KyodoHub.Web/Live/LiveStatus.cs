using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KyodoHub.Web.Live;

/// <summary>
/// Whether live events reach every instance. With several instances they travel through Redis;
/// while Redis is unreachable each instance still serves its own users, and says so.
/// </summary>
public sealed class LiveStatus
{
    private readonly SubscriberList<Action> _changed = new();
    private int _degraded;

    /// <summary>Raised when <see cref="IsDegraded"/> changes; each handler runs in the culture it was added in.</summary>
    public event Action Changed
    {
        add => _changed.Add(value);
        remove => _changed.Remove(value);
    }

    public bool IsDegraded => Volatile.Read(ref _degraded) == 1;

    internal void Set(bool degraded)
    {
        if (Interlocked.Exchange(ref _degraded, degraded ? 1 : 0) != (degraded ? 1 : 0))
        {
            foreach (var (handler, culture) in _changed.Entries)
            {
                culture.Run(handler);
            }
        }
    }
}

/// <summary>Degraded (not unhealthy: pages are still served) while live events stay on this instance.</summary>
internal sealed class LiveHealthCheck(LiveStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsDegraded
            ? HealthCheckResult.Degraded("Redis is unreachable: live updates reach only the users of this instance.")
            : HealthCheckResult.Healthy());
}
