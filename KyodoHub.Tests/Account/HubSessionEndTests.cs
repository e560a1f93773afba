using System.Collections.Concurrent;
using System.Net;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;

namespace KyodoHub.Tests.Account;

/// <summary>An app whose open hub connections re-check their session every second instead of every minute.</summary>
public sealed class QuickSessionCheckFixture() : AppFixture(new KyodoAppFactory(settings: new Dictionary<string, string> { ["Sessions:RevalidateSeconds"] = "1" }));

/// <summary>A live feed a coordinator opened ends with their session, and nobody else's with it.</summary>
public class HubSessionEndTests(QuickSessionCheckFixture fixture) : IClassFixture<QuickSessionCheckFixture>
{
    private KyodoAppFactory App => fixture.App;

    [Fact]
    public async Task AnOpenFeedClosesOnceItsCoordinatorSignsOutWhileOthersKeepReceiving()
    {
        var (_, leaving, leavingHandler) = await AuthCookie.NewCoordinatorAsync(App);
        var (_, _, stayingHandler) = await AuthCookie.NewCoordinatorAsync(App);
        await using var left = HubClients.Connect(App, leavingHandler.CookieContainer);
        await using var stays = HubClients.Connect(App, stayingHandler.CookieContainer);
        await using var display = HubClients.Connect(App, Web.Data.Demo.DemoAccounts.ApiKey);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        left.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        var leftReceived = Requests(left);
        var staysReceived = Requests(stays);
        var displayReceived = Requests(display);
        await Task.WhenAll(left.StartAsync(), stays.StartAsync(), display.StartAsync());

        var token = await AuthCookie.SignOutTokenAsync(leaving, "/coordinator");
        Assert.Equal(HttpStatusCode.Redirect, (await AuthCookie.SignOutAsync(leaving, token)).StatusCode);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, left.State);

        var created = await TestRequests.PostAsync(App, TestRequests.Valid());
        await Task.WhenAll(staysReceived.Of(created.Id), displayReceived.Of(created.Id));
        Assert.Equal(HubConnectionState.Connected, stays.State);
        Assert.DoesNotContain(created.Id, leftReceived.All);
    }

    private static ReceivedRequests Requests(HubConnection connection)
    {
        var received = new ReceivedRequests();
        connection.On<RequestEvent>(nameof(ICoordinationClient.RequestCreated), e => received.Add(e.RequestId));
        return received;
    }

    /// <summary>The requests a connection heard of, and a wait for one.</summary>
    private sealed class ReceivedRequests
    {
        private readonly ConcurrentDictionary<int, TaskCompletionSource> _requests = new();

        public IEnumerable<int> All => _requests.Where(t => t.Value.Task.IsCompleted).Select(t => t.Key);

        public void Add(int requestId) => Wait(requestId).TrySetResult();

        public Task Of(int requestId) => Wait(requestId).Task.WaitAsync(TimeSpan.FromSeconds(30));

        private TaskCompletionSource Wait(int requestId) =>
            _requests.GetOrAdd(requestId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
