namespace KyodoHub.Web.Live;

/// <summary>
/// The local half of every broker: remembers the last events for catching up and hands each event
/// to this process's subscribers, each in the culture it subscribed in. A failing subscriber is
/// logged and does not stop the others.
/// </summary>
internal sealed class EventFanOut(ILogger logger)
{
    private const int Remembered = 500;
    private readonly Lock _gate = new();
    private readonly Queue<LiveEvent> _recent = new();
    private readonly SubscriberList<Func<LiveEvent, Task>> _all = new();
    private readonly SubscriberList<Func<LiveEvent, Task>> _own = new();
    private long _last;

    public long LastSequence => Interlocked.Read(ref _last);

    public IDisposable Subscribe(Func<LiveEvent, Task> handler) => _all.Add(handler);

    public IDisposable SubscribeToOwn(Func<LiveEvent, Task> handler) => _own.Add(handler);

    /// <summary>Stamps the event with the next local number and remembers it, atomically.</summary>
    public LiveEvent StampAndRemember(LiveEvent liveEvent, DateTimeOffset now)
    {
        lock (_gate)
        {
            var stamped = liveEvent with { Sequence = _last + 1, OccurredAt = now };
            RememberLocked(stamped);
            return stamped;
        }
    }

    public void Remember(LiveEvent stamped)
    {
        lock (_gate)
        {
            RememberLocked(stamped);
        }
    }

    public IReadOnlyList<LiveEvent> Since(long sequence)
    {
        lock (_gate)
        {
            return _recent.Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence).ToList();
        }
    }

    /// <summary>
    /// Hands the event to every subscriber and, when <paramref name="own"/> (published in this
    /// process), to the subscribers of own events too.
    /// </summary>
    public Task DeliverAsync(LiveEvent liveEvent, bool own)
    {
        // Subscribers run without the publisher's execution context: an event raised while serving
        // one user's HTTP request must not carry that request (its HttpContext, its culture) into
        // another user's circuit; each runs in the culture of the circuit that subscribed.
        var subscribers = own ? _all.Entries.AddRange(_own.Entries) : _all.Entries;
        if (subscribers.IsEmpty)
        {
            return Task.CompletedTask;
        }
        Task[] deliveries;
        using (ExecutionContext.SuppressFlow())
        {
            deliveries = subscribers.Select(s => Task.Run(() => DeliverToAsync(s.Handler, s.Culture, liveEvent))).ToArray();
        }
        return Task.WhenAll(deliveries);
    }

    private void RememberLocked(LiveEvent stamped)
    {
        _recent.Enqueue(stamped);
        if (_recent.Count > Remembered)
        {
            _recent.Dequeue();
        }
        if (stamped.Sequence > _last)
        {
            Interlocked.Exchange(ref _last, stamped.Sequence);
        }
    }

    private async Task DeliverToAsync(Func<LiveEvent, Task> subscriber, SubscriberCulture culture, LiveEvent liveEvent)
    {
        try
        {
            await culture.RunAsync(() => subscriber(liveEvent));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "A subscriber failed to handle live event {Type} #{Sequence}.", liveEvent.GetType().Name, liveEvent.Sequence);
        }
    }
}
