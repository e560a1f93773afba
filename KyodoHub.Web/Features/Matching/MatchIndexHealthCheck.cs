using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KyodoHub.Web.Features.Matching;

/// <summary>
/// Not ready until the match index is built and one ranking has run: an instance that took traffic
/// earlier would make its first ranking wait for the build and for the code to compile. Tagged <see cref="ReadyTag"/>, the checks readiness runs.
/// </summary>
internal sealed class MatchIndexHealthCheck(MatchIndexHolder holder) : IHealthCheck
{
    /// <summary>The tag of the checks that say whether an instance is ready for traffic.</summary>
    public const string ReadyTag = "ready";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(holder.IsReady
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The match index is still being built or warmed up."));
}
