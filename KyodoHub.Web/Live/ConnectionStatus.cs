using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KyodoHub.Web.Live;

/// <summary>
/// Tells a circuit's components when its connection to the browser comes back, so that live views
/// can catch up on what happened while it was away. Scoped: one per circuit. Each handler runs in
/// the culture it was added in.
/// </summary>
public sealed class ConnectionStatus(ILogger<ConnectionStatus> logger)
{
    private readonly SubscriberList<Func<Task>> _reconnected = new();

    public event Func<Task> Reconnected
    {
        add => _reconnected.Add(value);
        remove => _reconnected.Remove(value);
    }

    public bool IsConnected { get; private set; } = true;

    internal async Task SetAsync(bool connected)
    {
        var cameBack = connected && !IsConnected;
        IsConnected = connected;
        if (cameBack)
        {
            // A failing handler is logged and the others still run: an exception leaving a circuit
            // handler would end the user's whole circuit.
            foreach (var (handler, culture) in _reconnected.Entries)
            {
                try
                {
                    await culture.RunAsync(handler);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    logger.LogError(ex, "A reconnect handler failed; the others still ran.");
                }
            }
        }
    }
}

/// <summary>Feeds <see cref="ConnectionStatus"/> from the circuit's connection events.</summary>
public sealed class ConnectionStatusCircuitHandler(ConnectionStatus status) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => status.SetAsync(false);

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => status.SetAsync(true);
}
