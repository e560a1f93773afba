using System.Collections.Immutable;

namespace KyodoHub.Web.Live;

/// <summary>
/// Delivers events to subscribers in this process. A failing subscriber is logged and does not
/// stop the others. Remembers the last events so that a reconnecting view can catch up.
/// </summary>
public sealed class InProcessEventBroker(TimeProvider clock, ILogger<InProcessEventBroker> logger) : IEventBroker
{
    private const int Remembered = 500;
    private readonly Lock _gate = new();
    private readonly Queue<LiveEvent> _recent = new();
    private ImmutableList<Func<LiveEvent, Task>> _subscribers = [];
    private long _sequence;

    public long LastSequence => Interlocked.Read(ref _sequence);

    public async Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken = default)
    {
        LiveEvent stamped;
        lock (_gate)
        {
            stamped = liveEvent with { Sequence = ++_sequence, OccurredAt = clock.GetUtcNow() };
            _recent.Enqueue(stamped);
            if (_recent.Count > Remembered)
            {
                _recent.Dequeue();
            }
        }
        await DeliverAsync(stamped);
    }

    public IDisposable Subscribe(Func<LiveEvent, Task> handler)
    {
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(handler)));
    }

    public IReadOnlyList<LiveEvent> Since(long sequence)
    {
        lock (_gate)
        {
            return _recent.Where(e => e.Sequence > sequence).ToList();
        }
    }

    // Subscribers run without the publisher's execution context: an event raised while serving
    // one user's HTTP request must not carry that request (its HttpContext, its culture) into
    // another user's circuit.
    private Task DeliverAsync(LiveEvent liveEvent)
    {
        var subscribers = _subscribers;
        if (subscribers.IsEmpty)
        {
            return Task.CompletedTask;
        }
        Task[] deliveries;
        using (ExecutionContext.SuppressFlow())
        {
            deliveries = subscribers.Select(s => Task.Run(() => DeliverToAsync(s, liveEvent))).ToArray();
        }
        return Task.WhenAll(deliveries);
    }

    private async Task DeliverToAsync(Func<LiveEvent, Task> subscriber, LiveEvent liveEvent)
    {
        try
        {
            await subscriber(liveEvent);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "A subscriber failed to handle live event {Type} #{Sequence}.", liveEvent.GetType().Name, liveEvent.Sequence);
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
