using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Live;
using Microsoft.Extensions.Logging;

namespace KyodoHub.Tests.Live;

public class ConnectionStatusTests
{
    [Fact]
    public async Task CallsEveryReconnectHandlerWhenOneThrowsAndLogsTheFailure()
    {
        var logs = new CapturedLogs();
        using var factory = new LoggerFactory([logs]);
        var status = new ConnectionStatus(factory.CreateLogger<ConnectionStatus>());
        var called = new List<string>();
        status.Reconnected += () =>
        {
            called.Add("first");
            throw new InvalidOperationException("first handler failed");
        };
        status.Reconnected += () =>
        {
            called.Add("second");
            return Task.CompletedTask;
        };

        await status.SetAsync(false);
        await status.SetAsync(true);

        Assert.Equal(["first", "second"], called);
        Assert.True(status.IsConnected);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "first handler failed");
    }
}
