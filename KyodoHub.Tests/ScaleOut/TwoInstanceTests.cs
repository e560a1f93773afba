using System.Net;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace KyodoHub.Tests.ScaleOut;

public sealed class TwoInstanceFixture : IAsyncLifetime
{
    public TwoInstances Instances { get; } = new(TwoInstances.SharedRedis);

    public Task InitializeAsync() => Instances.StartAsync();

    public async Task DisposeAsync() => await Instances.DisposeAsync();
}

[Trait("Database", "PostgreSQL")]
public class TwoInstanceTests(TwoInstanceFixture fixture) : IClassFixture<TwoInstanceFixture>
{
    private KyodoAppFactory A => fixture.Instances.A;
    private KyodoAppFactory B => fixture.Instances.B;

    [Fact]
    public async Task AHubClientOnBReceivesRequestCreatedOnceForARequestPostedToA()
    {
        await using var connection = HubClients.Connect(B, Web.Data.Demo.DemoAccounts.ApiKey);
        var dto = TestRequests.Valid();
        var received = new List<RequestEvent>();
        var first = new TaskCompletionSource<RequestEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<RequestEvent>(nameof(ICoordinationClient.RequestCreated), e =>
        {
            if (e.Title == dto.Title)
            {
                lock (received)
                {
                    received.Add(e);
                }
                first.TrySetResult(e);
            }
        });
        await connection.StartAsync();

        var created = await TestRequests.PostAsync(A, dto);
        var e = await first.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(created.Id, e.RequestId);
        await Task.Delay(500);
        lock (received)
        {
            Assert.Single(received);
        }
    }

    [Fact]
    public async Task ACoordinatorsDashboardOnBShowsARequestTakenAtTheDeskOnAWithoutReload()
    {
        var coordinator = await fixture.Instances.Browser.SignedInPageAsync(B, Roles.Coordinator);
        var desk = await fixture.Instances.Browser.SignedInPageAsync(A, Roles.DeskStaff);
        try
        {
            await Assertions.Expect(coordinator.Locator("[data-testid=request-list][data-live=on]")).ToHaveCountAsync(1);
            await coordinator.EvaluateAsync("() => window.khMarker = 'no reload'");

            await desk.GotoAsync("/desk/intake");
            var title = $"別サーバー受付 {Guid.NewGuid():N}"[..16];
            await DeskKeyboard.TakeRequestAsync(desk, title);

            var card = coordinator.Locator(".kh-card", new() { HasText = title });
            await Assertions.Expect(card).ToBeVisibleAsync();
            Assert.Equal("no reload", await coordinator.EvaluateAsync<string>("() => window.khMarker"));
        }
        finally
        {
            await coordinator.Context.CloseAsync();
            await desk.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ACookieFromSigningInOnAIsAcceptedByB()
    {
        var jar = new CookieContainer();
        using var onA = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = A.BaseAddress };
        var signIn = await SignInForm.PostAsync(onA, DemoUsers.EmailOf(Roles.Coordinator), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = jar.GetCookies(A.BaseAddress)["KyodoHub.Auth"];
        Assert.NotNull(cookie);

        using var onB = B.NewClient();
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/coordinator");
        withCookie.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
        var page = await onB.SendAsync(withCookie);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(DemoUsers.HomeHeadingOf(Roles.Coordinator), await page.Content.ReadAsStringAsync());

        using var withoutCookie = await onB.GetAsync("/coordinator");
        Assert.Equal(HttpStatusCode.Redirect, withoutCookie.StatusCode);
    }

    [Fact]
    public async Task CoordinatorsOnDifferentInstancesSeeEachOtherArriveAndLeave()
    {
        var created = await TestRequests.PostAsync(A, TestRequests.Valid());
        var hanakoOnA = await fixture.Instances.Browser.SignedInPageAsync(A, Roles.Coordinator);
        var jiroOnB = await fixture.Instances.Browser.SignedInPageAsync(B, "coordinator2@kyodohub.example", DemoUsers.Password, "/coordinator");
        try
        {
            await hanakoOnA.GotoAsync($"/coordinator/requests/{created.Id}");
            var hanakosView = hanakoOnA.GetByTestId("presence");
            await Assertions.Expect(hanakoOnA.Locator("[data-testid=presence][data-live=on]")).ToHaveCountAsync(1);
            await jiroOnB.GotoAsync($"/coordinator/requests/{created.Id}");
            await Assertions.Expect(jiroOnB.GetByTestId("presence")).ToContainTextAsync("調整 花子");
            await Assertions.Expect(hanakosView).ToContainTextAsync("連携 次郎");

            await jiroOnB.GotoAsync("/coordinator");
            await Assertions.Expect(hanakosView).Not.ToContainTextAsync("連携 次郎");
        }
        finally
        {
            await hanakoOnA.Context.CloseAsync();
            await jiroOnB.Context.CloseAsync();
        }
    }
}
