namespace KyodoHub.Web.Live;

/// <summary>
/// Delivers events to subscribers in this process: enough for a single instance. Remembers the
/// last events so that a reconnecting view can catch up.
/// </summary>
public sealed class InProcessEventBroker(TimeProvider clock, ILogger<InProcessEventBroker> logger) : IEventBroker
{
    private readonly EventFanOut _fanOut = new(logger);

    public long LastSequence => _fanOut.LastSequence;

    public Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken = default) =>
        _fanOut.DeliverAsync(_fanOut.StampAndRemember(liveEvent, clock.GetUtcNow()), own: true);

    public IDisposable Subscribe(Func<LiveEvent, Task> handler) => _fanOut.Subscribe(handler);

    public IDisposable SubscribeToOwn(Func<LiveEvent, Task> handler) => _fanOut.SubscribeToOwn(handler);

    public IReadOnlyList<LiveEvent> Since(long sequence) => _fanOut.Since(sequence);
}
