using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.ScaleOut;

/// <summary>
/// Two instances of the app, A and B, on their own loopback ports, sharing one PostgreSQL database
/// and one Redis, as behind a load balancer; and a Chromium to look at them.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    public const string RedisVariable = "KYODO_TEST_REDIS";

    private readonly TestDatabase _database = TestDatabase.CreatePostgres();

    public TwoInstances(string redis)
    {
        var settings = new Dictionary<string, string> { ["Redis:ConnectionString"] = redis };
        A = new KyodoAppFactory(_database, settings);
        B = new KyodoAppFactory(_database, settings);
    }

    /// <summary>The Redis that <c>./test.sh</c> starts for the tests.</summary>
    public static string SharedRedis =>
        Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } redis
            ? redis
            : throw new InvalidOperationException($"{RedisVariable} is not set: run ./test.sh, which starts a Redis server for the tests.");

    public KyodoAppFactory A { get; }
    public KyodoAppFactory B { get; }
    public BrowserFixture Browser { get; } = new();

    /// <summary>Starts A (which migrates and seeds the database), then B, then Chromium.</summary>
    public async Task StartAsync()
    {
        A.Start();
        B.Start();
        await Browser.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        await B.DisposeAsync();
        await A.DisposeAsync();
        await _database.DisposeAsync();
    }
}
