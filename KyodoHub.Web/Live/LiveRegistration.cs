using Microsoft.AspNetCore.Components.Server.Circuits;
using StackExchange.Redis;

namespace KyodoHub.Web.Live;

/// <summary>The <c>Redis</c> configuration section: set when the app runs on several instances.</summary>
public sealed class RedisSettings
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>; empty for a single instance.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection options: keep trying (never give up at start) and fail fast while Redis is away.</summary>
    public ConfigurationOptions ToOptions()
    {
        var options = ConfigurationOptions.Parse(ConnectionString!);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ConnectTimeout = 2000;
        options.ClientName ??= "kyodohub";
        return options;
    }
}

internal static class LiveRegistration
{
    /// <summary>
    /// The event broker, the dispatcher that feeds it, presence, and the SignalR hub relay; with a
    /// Redis connection string, the Redis broker and SignalR's Redis backplane, so that every
    /// instance hears every event.
    /// </summary>
    public static IServiceCollection AddKyodoLive(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetSection(RedisSettings.Section).Get<RedisSettings>() ?? new RedisSettings();
        services.AddSingleton<LiveStatus>();
        services.AddSingleton<Data.IDomainEventDispatcher, DomainEventDispatcher>();
        services.AddSingleton<PresenceTracker>();
        services.AddScoped<ConnectionStatus>();
        services.AddScoped<CircuitHandler, ConnectionStatusCircuitHandler>();
        var signalR = services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        if (string.IsNullOrWhiteSpace(redis.ConnectionString))
        {
            services.AddSingleton<IEventBroker, InProcessEventBroker>();
        }
        else
        {
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.ToOptions()));
            services.AddSingleton<IEventBroker, RedisEventBroker>();
            signalR.AddStackExchangeRedis(o =>
            {
                o.Configuration = redis.ToOptions();
                o.Configuration.ChannelPrefix = RedisChannel.Literal("kyodohub:signalr");
            });
        }
        services.AddHostedService<CoordinationHubRelay>();
        services.Configure<Identity.SessionRevalidationOptions>(configuration.GetSection(Identity.SessionRevalidationOptions.Section));
        services.AddSingleton<OpenHubSessions>();
        services.AddHostedService<HubSessionSweeper>();
        services.AddHealthChecks().AddCheck<LiveHealthCheck>("live", tags: [Hosting.HealthEndpoints.ReadyTag]);
        return services;
    }
}
