namespace KyodoHub.Web.Live;

/// <summary>
/// The one way live events travel inside the app. Blazor circuits subscribe here (never through a
/// websocket to their own server); the SignalR relay forwards the same events to external
/// clients. The in-process broker serves one instance; a backplane-backed one carries events
/// between instances without callers changing.
/// </summary>
public interface IEventBroker
{
    /// <summary>Stamps the event with a sequence number and time and delivers it to every subscriber.</summary>
    Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken = default);

    /// <summary>Calls <paramref name="handler"/> for every event from now on, until the subscription is disposed.</summary>
    IDisposable Subscribe(Func<LiveEvent, Task> handler);

    /// <summary>
    /// Like <see cref="Subscribe"/>, but only for the events published by this instance: for relays
    /// that carry events between instances themselves (the SignalR hub with its Redis backplane).
    /// </summary>
    IDisposable SubscribeToOwn(Func<LiveEvent, Task> handler);

    /// <summary>The events published after <paramref name="sequence"/> that are still remembered, oldest first.</summary>
    IReadOnlyList<LiveEvent> Since(long sequence);

    /// <summary>The sequence number of the newest event.</summary>
    long LastSequence { get; }
}
