namespace KyodoHub.Web.Live;

/// <summary>
/// Who is viewing which request, so that two coordinators on the same request see each other,
/// whichever instance each is connected to. Each open view joins with its own key and leaves when
/// it closes; every change is published with this instance's viewers, and the trackers of the
/// other instances keep those to add to their own (and answer with theirs when the publisher did
/// not know them).
/// </summary>
public sealed class PresenceTracker : IDisposable
{
    private readonly IEventBroker _broker;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Dictionary<string, string>> _viewers = [];
    private readonly Dictionary<(string Instance, int RequestId), IReadOnlyList<string>> _elsewhere = [];

    public PresenceTracker(IEventBroker broker)
    {
        _broker = broker;
        _subscription = broker.Subscribe(OnEventAsync);
    }

    /// <summary>Names this process among the instances.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");

    public Task JoinAsync(int requestId, string viewKey, string displayName)
    {
        lock (_gate)
        {
            if (!_viewers.TryGetValue(requestId, out var views))
            {
                _viewers[requestId] = views = [];
            }
            views[viewKey] = displayName;
        }
        return PublishAsync(requestId);
    }

    public Task LeaveAsync(int requestId, string viewKey)
    {
        lock (_gate)
        {
            if (_viewers.TryGetValue(requestId, out var views) && views.Remove(viewKey) && views.Count == 0)
            {
                _viewers.Remove(requestId);
            }
        }
        return PublishAsync(requestId);
    }

    /// <summary>Everyone viewing the request, on any instance.</summary>
    public IReadOnlyList<string> ViewersOf(int requestId)
    {
        lock (_gate)
        {
            var elsewhere = _elsewhere.Where(e => e.Key.RequestId == requestId).SelectMany(e => e.Value);
            return HereLocked(requestId).Concat(elsewhere).Distinct().Order(StringComparer.Ordinal).ToList();
        }
    }

    public void Dispose() => _subscription.Dispose();

    private List<string> HereLocked(int requestId) =>
        _viewers.TryGetValue(requestId, out var views) ? views.Values.Distinct().ToList() : [];

    private Task PublishAsync(int requestId)
    {
        List<string> here;
        lock (_gate)
        {
            here = HereLocked(requestId);
        }
        return _broker.PublishAsync(new PresenceEvent(requestId, ViewersOf(requestId), Instance, here));
    }

    private Task OnEventAsync(LiveEvent liveEvent)
    {
        if (liveEvent is not PresenceEvent e || e.Instance == Instance)
        {
            return Task.CompletedTask;
        }
        bool unknownThere;
        lock (_gate)
        {
            if (e.InstanceViewers.Count == 0)
            {
                _elsewhere.Remove((e.Instance, e.RequestId));
            }
            else
            {
                _elsewhere[(e.Instance, e.RequestId)] = e.InstanceViewers;
            }
            unknownThere = HereLocked(e.RequestId).Except(e.Viewers).Any();
        }
        // The other instance has not heard of our viewers (it started after they came): tell it.
        return unknownThere ? PublishAsync(e.RequestId) : Task.CompletedTask;
    }
}
