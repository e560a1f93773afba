namespace KyodoHub.Web.Live;

/// <summary>
/// Who is viewing which request, so that two coordinators on the same request see each other.
/// Each open view joins with its own key and leaves when it closes; every change is published.
/// </summary>
public sealed class PresenceTracker(IEventBroker broker)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Dictionary<string, string>> _viewers = [];

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

    public IReadOnlyList<string> ViewersOf(int requestId)
    {
        lock (_gate)
        {
            return _viewers.TryGetValue(requestId, out var views) ? views.Values.Distinct().Order(StringComparer.Ordinal).ToList() : [];
        }
    }

    private Task PublishAsync(int requestId) => broker.PublishAsync(new PresenceEvent(requestId, ViewersOf(requestId)));
}
