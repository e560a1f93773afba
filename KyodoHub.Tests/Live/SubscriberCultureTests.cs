using System.Globalization;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Live;
using KyodoHub.Web.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace KyodoHub.Tests.Live;

/// <summary>
/// Live sources call their subscribers on threads of their own; each subscriber still formats in
/// the language it subscribed in, whatever the language of the thread that raised the event.
/// </summary>
public sealed class SubscriberCultureTests
{
    private static readonly DateOnly Day = new(2027, 1, 13);

    [Theory]
    [InlineData("ja-JP", "en", "2027年1月13日(水)")]
    [InlineData("en", "ja-JP", "Wed, 13 Jan 2027")]
    public async Task ABrokerSubscriberFormatsInTheCultureItSubscribedIn(string subscriber, string publisher, string expected)
    {
        var broker = new InProcessEventBroker(TimeProvider.System, NullLogger<InProcessEventBroker>.Instance);
        var seen = new List<string>();
        using var subscription = TestCulture.In(subscriber, () => broker.Subscribe(async _ =>
        {
            seen.Add(DisplayFormats.Date(Day));
            await Task.Yield();
            seen.Add(DisplayFormats.Date(Day));
        }));

        await TestCulture.In(publisher, () => broker.PublishAsync(new AgreementEvent(1, 1, Core.Agreements.AgreementState.Draft)));

        Assert.Equal([expected, expected], seen);
    }

    [Fact]
    public async Task AReconnectHandlerFormatsInTheCultureItWasAddedIn()
    {
        var status = new ConnectionStatus(NullLogger<ConnectionStatus>.Instance);
        var seen = new List<string>();
        Func<Task> handler = () =>
        {
            seen.Add(DisplayFormats.Date(Day));
            return Task.CompletedTask;
        };
        TestCulture.In("en", () => status.Reconnected += handler);
        await status.SetAsync(false);

        await TestCulture.In("ja-JP", () => status.SetAsync(true));
        status.Reconnected -= handler;
        await status.SetAsync(false);
        await status.SetAsync(true);

        Assert.Equal(["Wed, 13 Jan 2027"], seen);
    }

    [Fact]
    public void ALiveStatusHandlerFormatsInTheCultureItWasAddedInAndLeavesTheCallersCulture()
    {
        var status = new LiveStatus();
        var seen = new List<string>();
        TestCulture.In("ja-JP", () => status.Changed += () => seen.Add(DisplayFormats.Date(Day)));

        TestCulture.In("en", () =>
        {
            status.Set(true);
            Assert.Equal("en", CultureInfo.CurrentUICulture.Name);
        });

        Assert.Equal(["2027年1月13日(水)"], seen);
    }
}
