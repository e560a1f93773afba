using System.Text.Json;
using StackExchange.Redis;

namespace KyodoHub.Web.Live;

/// <summary>
/// Carries live events between instances through Redis pub/sub. Redis numbers the events, so a
/// view can catch up with <see cref="Since"/> on any instance; every instance, the publisher
/// included, delivers what arrives on the channel to its own subscribers. While Redis is
/// unreachable, events are delivered here only and <see cref="LiveStatus"/> says so; the
/// connection comes back by itself and the channel is subscribed again.
/// </summary>
public sealed class RedisEventBroker : IEventBroker, IDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("kyodohub:live");
    private static readonly RedisKey SequenceKey = "kyodohub:live:sequence";

    // The next number, never one this instance has already seen (after an outage, events were
    // numbered locally).
    private const string NextSequence = """
        local n = redis.call('INCR', KEYS[1])
        local floor = tonumber(ARGV[1])
        if n <= floor then n = floor + 1; redis.call('SET', KEYS[1], n) end
        return n
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _clock;
    private readonly LiveStatus _status;
    private readonly ILogger<RedisEventBroker> _logger;
    private readonly EventFanOut _fanOut;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly SemaphoreSlim _subscribing = new(1, 1);
    private volatile ChannelMessageQueue? _queue;

    public RedisEventBroker(IConnectionMultiplexer redis, TimeProvider clock, LiveStatus status, ILogger<RedisEventBroker> logger)
    {
        _redis = redis;
        _clock = clock;
        _status = status;
        _logger = logger;
        _fanOut = new EventFanOut(logger);
        redis.ConnectionFailed += OnConnectionFailed;
        redis.ConnectionRestored += OnConnectionRestored;
        _status.Set(!redis.IsConnected);
        _ = EnsureSubscribedAsync();
    }

    public long LastSequence => _fanOut.LastSequence;

    public async Task PublishAsync(LiveEvent liveEvent, CancellationToken cancellationToken = default)
    {
        if (_queue is not null && _redis.IsConnected)
        {
            try
            {
                var db = _redis.GetDatabase();
                var sequence = (long)await db.ScriptEvaluateAsync(NextSequence, [SequenceKey], [_fanOut.LastSequence]);
                var stamped = liveEvent with { Sequence = sequence, OccurredAt = _clock.GetUtcNow() };
                await _redis.GetSubscriber().PublishAsync(Channel, LiveEventJson.Write(new LiveEnvelope(_instance, stamped)));
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                _logger.LogWarning(ex, "Could not publish live event {Type} through Redis; delivering it on this instance only.", liveEvent.GetType().Name);
                _status.Set(true);
            }
        }
        await _fanOut.DeliverAsync(_fanOut.StampAndRemember(liveEvent, _clock.GetUtcNow()), own: true);
    }

    public IDisposable Subscribe(Func<LiveEvent, Task> handler) => _fanOut.Subscribe(handler);

    public IDisposable SubscribeToOwn(Func<LiveEvent, Task> handler) => _fanOut.SubscribeToOwn(handler);

    public IReadOnlyList<LiveEvent> Since(long sequence) => _fanOut.Since(sequence);

    public void Dispose()
    {
        _redis.ConnectionFailed -= OnConnectionFailed;
        _redis.ConnectionRestored -= OnConnectionRestored;
        _queue?.Unsubscribe();
        _subscribing.Dispose();
    }

    private async Task EnsureSubscribedAsync()
    {
        await _subscribing.WaitAsync();
        try
        {
            if (_queue is null && _redis.IsConnected)
            {
                var queue = await _redis.GetSubscriber().SubscribeAsync(Channel);
                queue.OnMessage(OnMessageAsync);
                _queue = queue;
            }
            _status.Set(_queue is null || !_redis.IsConnected);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _logger.LogWarning(ex, "Could not subscribe to live events in Redis; will try again when it answers.");
            _status.Set(true);
        }
        finally
        {
            _subscribing.Release();
        }
    }

    private Task OnMessageAsync(ChannelMessage message)
    {
        LiveEnvelope? envelope;
        try
        {
            envelope = LiveEventJson.Read(message.Message.ToString());
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Ignored a live event from Redis that could not be read.");
            return Task.CompletedTask;
        }
        if (envelope is null)
        {
            return Task.CompletedTask;
        }
        _fanOut.Remember(envelope.Event);
        // Messages are read one at a time; a slow subscriber must not hold up the ones behind.
        _ = _fanOut.DeliverAsync(envelope.Event, own: envelope.Instance == _instance);
        return Task.CompletedTask;
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription || !_redis.IsConnected)
        {
            _status.Set(true);
        }
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => _ = EnsureSubscribedAsync();
}
