using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KyodoHub.Web.Live;

internal static class LiveRegistration
{
    /// <summary>The event broker, the dispatcher that feeds it, presence, and the SignalR hub relay.</summary>
    public static IServiceCollection AddKyodoLive(this IServiceCollection services)
    {
        services.AddSingleton<IEventBroker, InProcessEventBroker>();
        services.AddSingleton<Data.IDomainEventDispatcher, DomainEventDispatcher>();
        services.AddSingleton<PresenceTracker>();
        services.AddScoped<ConnectionStatus>();
        services.AddScoped<CircuitHandler, ConnectionStatusCircuitHandler>();
        services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddHostedService<CoordinationHubRelay>();
        return services;
    }
}
