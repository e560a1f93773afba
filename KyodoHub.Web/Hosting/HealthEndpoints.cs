using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KyodoHub.Web.Hosting;

/// <summary>
/// Two probes for a load balancer. Liveness (<c>/health/live</c>) answers from the process alone,
/// with no I/O, so a busy instance is never restarted for a slow database. Readiness
/// (<c>/health/ready</c>, and <c>/health</c> as before) runs every check registered with the tag
/// <see cref="ReadyTag"/> through the <see cref="ReadinessProbe"/>: Healthy and Degraded answer
/// 200, Unhealthy 503.
/// </summary>
internal static class HealthEndpoints
{
    /// <summary>Health checks with this tag decide whether the instance should get traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>How long the database check may take before the instance counts as not ready.</summary>
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddKyodoHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HealthOptions>(configuration.GetSection(HealthOptions.Section));
        services.AddSingleton<ReadinessProbe>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: DatabaseTimeout);
        return services;
    }

    public static WebApplication MapKyodoHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapGet("/health/ready", ReadyAsync);
        app.MapGet("/health", ReadyAsync);
        return app;
    }

    private static async Task ReadyAsync(HttpContext context, ReadinessProbe probe)
    {
        var report = await probe.CheckAsync().WaitAsync(context.RequestAborted);
        var response = context.Response;
        response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        response.Headers.CacheControl = "no-store, no-cache";
        response.ContentType = "text/plain";
        await response.WriteAsync(report.Status.ToString(), context.RequestAborted);
    }
}
