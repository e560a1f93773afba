using System.Collections.Concurrent;
using System.Net;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace KyodoHub.Tests.ScaleOut;

/// <summary>Two instances on a Redis of their own, which the test stops and starts again.</summary>
public sealed class RedisOutageFixture : IAsyncLifetime
{
    public RedisServer Redis { get; } = new();
    public TwoInstances Instances { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Redis.StartAsync();
        Instances = new TwoInstances(Redis.ConnectionString);
        await Instances.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Instances.DisposeAsync();
        await Redis.DisposeAsync();
    }
}

[Trait("Database", "PostgreSQL")]
public class RedisOutageTests(RedisOutageFixture fixture) : IClassFixture<RedisOutageFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private KyodoAppFactory A => fixture.Instances.A;
    private KyodoAppFactory B => fixture.Instances.B;

    [Fact]
    public async Task WhileRedisIsDownPagesAreServedAndSayLiveUpdatesAreDegradedAndWhenItReturnsEventsFlowAgain()
    {
        var coordinator = await fixture.Instances.Browser.SignedInPageAsync(B, Roles.Coordinator);
        var titles = new ConcurrentQueue<string>();
        await using var hub = HubClients.Connect(B, Web.Data.Demo.DemoAccounts.ApiKey);
        hub.On<RequestEvent>(nameof(ICoordinationClient.RequestCreated), e => titles.Enqueue(e.Title));
        await hub.StartAsync();
        try
        {
            await Assertions.Expect(coordinator.Locator("[data-testid=request-list][data-live=on]")).ToHaveCountAsync(1);
            await Assertions.Expect(coordinator.GetByTestId("live-degraded")).ToHaveCountAsync(0);

            await fixture.Redis.StopAsync();
            await HealthBecomesAsync(A, "Degraded");
            await HealthBecomesAsync(B, "Degraded");
            await Assertions.Expect(coordinator.GetByTestId("live-degraded")).ToBeVisibleAsync();
            using (var client = A.NewClient())
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
            }
            var whileDown = await TestRequests.PostAsync(A, TestRequests.Valid());
            Assert.True(whileDown.Id > 0);

            await fixture.Redis.StartAsync();
            await HealthBecomesAsync(A, "Healthy");
            await HealthBecomesAsync(B, "Healthy");
            await Assertions.Expect(coordinator.GetByTestId("live-degraded")).ToHaveCountAsync(0);

            // The backplane resubscribes on its own schedule: a request or two may pass before it does.
            var deadline = DateTime.UtcNow + Patience;
            string title;
            do
            {
                title = (await TestRequests.PostAsync(A, TestRequests.Valid())).Title;
                await Task.Delay(1000);
            }
            while (!titles.Contains(title) && DateTime.UtcNow < deadline);
            Assert.Contains(title, titles);
            await Assertions.Expect(coordinator.Locator(".kh-card", new() { HasText = title })).ToBeVisibleAsync();
        }
        finally
        {
            await coordinator.Context.CloseAsync();
        }
    }

    private static async Task HealthBecomesAsync(KyodoAppFactory app, string status)
    {
        using var client = app.NewClient();
        var deadline = DateTime.UtcNow + Patience;
        string body;
        do
        {
            body = await client.GetStringAsync("/health");
            if (body == status)
            {
                return;
            }
            await Task.Delay(250);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Equal(status, body);
    }
}
