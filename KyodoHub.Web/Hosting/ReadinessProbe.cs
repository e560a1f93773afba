using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Hosting;

/// <summary>The <c>Health</c> configuration section.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long one readiness result answers every probe, so that probes cannot queue up on a busy database.</summary>
    public double ReadyCacheSeconds { get; set; } = 2;
}

/// <summary>
/// Runs the readiness checks (every health check tagged <see cref="HealthEndpoints.ReadyTag"/>)
/// at most once at a time and keeps the result for <see cref="HealthOptions.ReadyCacheSeconds"/>:
/// however many load balancers probe, and however slowly the database answers, the instance does
/// one check and every probe waits for that one.
/// </summary>
internal sealed class ReadinessProbe(HealthCheckService checks, TimeProvider clock, IOptions<HealthOptions> options)
{
    private readonly Lock _lock = new();
    private Task<HealthReport>? _current;
    private DateTimeOffset _expires = DateTimeOffset.MinValue;

    public Task<HealthReport> CheckAsync()
    {
        lock (_lock)
        {
            if (_current is null || (_current.IsCompleted && clock.GetUtcNow() >= _expires))
            {
                _current = RunAsync();
            }
            return _current;
        }
    }

    private async Task<HealthReport> RunAsync()
    {
        // Not the probe's own cancellation: other probes wait for this same check.
        var report = await checks.CheckHealthAsync(r => r.Tags.Contains(HealthEndpoints.ReadyTag), CancellationToken.None);
        lock (_lock)
        {
            _expires = clock.GetUtcNow().AddSeconds(Math.Max(0, options.Value.ReadyCacheSeconds));
        }
        return report;
    }
}
