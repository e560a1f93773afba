using KyodoHub.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace KyodoHub.Web.Live;

/// <summary>What an external subscriber (a wall display, another city system) receives.</summary>
public interface ICoordinationClient
{
    Task RequestCreated(RequestEvent e);
    Task RequestChanged(RequestEvent e);
    Task OfferSent(OfferEvent e);
    Task OfferAnswered(OfferEvent e);
}

/// <summary>
/// <c>/hubs/coordination</c>: the live events for clients outside the app. Signed-in
/// coordinators and API keys with the <c>events:read</c> scope only. Clients only listen; a
/// coordinator's connection closes once their session ends (<see cref="HubSessionSweeper"/>).
/// </summary>
[Authorize(Policy = Policies.CoordinationFeed)]
public sealed class CoordinationHub(OpenHubSessions sessions) : Hub<ICoordinationClient>
{
    public const string Path = "/hubs/coordination";

    public override Task OnConnectedAsync()
    {
        sessions.Add(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>
/// Forwards the request and offer events published on this instance to every hub client. With
/// several instances, SignalR's backplane reaches the clients of the others, so each event is
/// sent once.
/// </summary>
public sealed class CoordinationHubRelay(IEventBroker broker, IHubContext<CoordinationHub, ICoordinationClient> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = broker.SubscribeToOwn(ForwardAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private Task ForwardAsync(LiveEvent liveEvent) => liveEvent switch
    {
        RequestEvent { Kind: RequestEventKind.Created } e => hub.Clients.All.RequestCreated(e),
        RequestEvent e => hub.Clients.All.RequestChanged(e),
        OfferEvent { Kind: OfferEventKind.Sent } e => hub.Clients.All.OfferSent(e),
        OfferEvent e => hub.Clients.All.OfferAnswered(e),
        _ => Task.CompletedTask,
    };
}
