using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ReconnectBrowserTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task TheDashboardSaysItIsReconnectingAndAfterwardsShowsWhatItMissed()
    {
        var page = await fixture.NewPageAsync();
        var offline = false;
        IWebSocketRoute? socket = null;
        // Every Blazor connection goes through this route, so the test can cut it like a dropped network.
        await page.RouteWebSocketAsync(url => url.Contains("/_blazor", StringComparison.Ordinal), ws =>
        {
            if (offline)
            {
                _ = ws.CloseAsync();
                return;
            }
            socket = ws;
            ws.ConnectToServer();
        });
        await page.RouteAsync("**/_blazor/**", route => offline ? route.AbortAsync() : route.ContinueAsync());
        try
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("メールアドレス").FillAsync(DemoUsers.EmailOf(Roles.Coordinator));
            await page.GetByLabel("パスワード", new() { Exact = true }).FillAsync(DemoUsers.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
            await page.WaitForURLAsync("**/coordinator");
            await Assertions.Expect(page.Locator("[data-testid=request-list][data-live=on]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#kh-connection")).ToContainTextAsync("リアルタイム更新中");

            offline = true;
            await socket!.CloseAsync(new() { Code = 1006 });
            await Assertions.Expect(page.Locator("#kh-connection")).ToContainTextAsync("再接続中");

            var missed = new[]
            {
                await TestRequests.PostAsync(fixture.App, TestRequests.Valid()),
                await TestRequests.PostAsync(fixture.App, TestRequests.Valid()),
            };
            await Task.Delay(TimeSpan.FromSeconds(10));
            await Assertions.Expect(page.Locator($".kh-card[data-request-id='{missed[0].Id}']")).ToHaveCountAsync(0);

            offline = false;
            await Assertions.Expect(page.Locator("#kh-connection")).ToContainTextAsync("リアルタイム更新中", new() { Timeout = 60_000 });
            foreach (var request in missed)
            {
                await Assertions.Expect(page.Locator($".kh-card[data-request-id='{request.Id}']")).ToBeVisibleAsync();
            }
            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "再接続しました" })).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
