using System.Threading.RateLimiting;
using KyodoHub.Web.Features.ApiKeys;

namespace KyodoHub.Web.Hosting;

/// <summary>
/// The <c>RateLimits</c> configuration section: requests allowed per client and minute. Sign-in
/// is counted per address (lockout already guards each account), forms per address, and the API
/// per key, so that one busy integration cannot starve another.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (POSTs of the sign-in form) per client address.</summary>
    public int SignInPerMinute { get; set; } = 60;

    /// <summary>Other form posts outside the live connection (sign-out, plain HTML forms) per client address.</summary>
    public int FormsPerMinute { get; set; } = 120;

    /// <summary>API calls per API key (per address for calls without a key).</summary>
    public int ApiPerMinute { get; set; } = 600;
}

/// <summary>Answers a client over its limit with 429 and a Retry-After header.</summary>
internal static class RateLimits
{
    public const string SignInPath = "/account/login";

    public static IServiceCollection AddKyodoRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => PartitionOf(context, limits));
            options.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PartitionOf(HttpContext context, RateLimitOptions limits)
    {
        var request = context.Request;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (request.IsApi())
        {
            // The key's hash, not the key: the limiter's partitions must not hold secrets.
            var key = request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString();
            return PerMinute(key.Length > 0 ? "api-key:" + ApiKey.HashOf(key) : "api-address:" + address, limits.ApiPerMinute);
        }
        if (!HttpMethods.IsPost(request.Method) || request.Path.StartsWithSegments("/_blazor") || request.Path.StartsWithSegments("/hubs"))
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }
        return request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase)
            ? PerMinute("signin:" + address, limits.SignInPerMinute)
            : PerMinute("forms:" + address, limits.FormsPerMinute);
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
