using KyodoHub.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace KyodoHub.Web.Hosting;

/// <summary>
/// Limits on the live connections, the proxies whose forwarded headers are believed, rate limits
/// (per client address, which is why the proxies matter), HSTS and the security headers. The limits are
/// set here explicitly rather than left to framework defaults, so that a framework upgrade cannot
/// loosen them unnoticed.
/// </summary>
internal static class SecurityRegistration
{
    /// <summary>Largest message a client may send to a hub or a circuit.</summary>
    public const long MaxReceiveMessageBytes = 32 * 1024;

    public static IServiceCollection AddKyodoSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<HubOptions>(o => ApplyHubLimits(o, environment));
        services.Configure<HubOptions<CoordinationHub>>(o => ApplyHubLimits(o, environment));
        services.AddKyodoForwardedHeaders(configuration);
        services.AddSingleton(PublicOrigins.From(configuration));
        services.AddKyodoRateLimits(configuration);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }

    /// <summary>The Blazor circuit's own limits: its hub, errors, disconnected circuits and JS calls.</summary>
    public static IServerSideBlazorBuilder AddKyodoCircuitLimits(this IServerSideBlazorBuilder blazor, IHostEnvironment environment)
    {
        blazor.Services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(o =>
        {
            o.DetailedErrors = environment.IsDevelopment();
            o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
            o.DisconnectedCircuitMaxRetained = 100;
            o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
            o.MaxBufferedUnacknowledgedRenderBatches = 10;
        });
        blazor.AddHubOptions(o => ApplyHubLimits(o, environment));
        return blazor;
    }

    public static WebApplication UseKyodoSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<SameOriginRealtime>();
        app.UseRateLimiter();
        return app;
    }

    private static void ApplyHubLimits(HubOptions options, IHostEnvironment environment)
    {
        options.MaximumReceiveMessageSize = MaxReceiveMessageBytes;
        options.MaximumParallelInvocationsPerClient = 1;
        options.EnableDetailedErrors = environment.IsDevelopment();
    }
}
