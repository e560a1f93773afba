using System.Text.RegularExpressions;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

[Collection(BrowserCollection.Name)]
public partial class LiveBoundaryBrowserTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task AFailedLiveUpdateShowsInTheListWithAReferenceWhileTheRestOfThePageKeepsWorking()
    {
        var armed = false;
        var logs = new CapturedLogs();
        // The dashboard's next read after arming fails, once: the live update of a new request.
        await using var app = new KyodoAppFactory
        {
            Logs = logs,
            TestServices = services => services.AddScoped(sp => new DashboardService(
                new FailingContextFactory(sp, _ => Volatile.Read(ref armed)),
                sp.GetRequiredService<CurrentUser>(),
                sp.GetRequiredService<TimeProvider>())),
        };
        app.Start();
        var page = await fixture.BrowserFixture.SignedInPageAsync(app, Roles.Coordinator);
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=request-list][data-live=on]")).ToHaveCountAsync(1);

            Volatile.Write(ref armed, true);
            var created = await TestRequests.PostAsync(app, TestRequests.Valid());

            var failed = page.GetByTestId("live-failed");
            await Assertions.Expect(failed).ToContainTextAsync("この部分を表示できませんでした。");
            var text = await page.GetByTestId("live-failed-reference").InnerTextAsync();
            var reference = Reference().Match(text).Groups[1].Value;
            Assert.Contains(logs.Entries, e => e.Message.Contains(reference, StringComparison.Ordinal) && e.Exception?.ToString().Contains(FailingContextFactory.Failure, StringComparison.Ordinal) == true);

            // The circuit lives on: the counts outside the list still answer, and nothing says the page died.
            var open = page.Locator(".kh-state-count").First;
            await open.ClickAsync();
            await Assertions.Expect(open).ToHaveAttributeAsync("aria-pressed", "true");
            await open.ClickAsync();
            await Assertions.Expect(open).ToHaveAttributeAsync("aria-pressed", "false");
            await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

            await failed.GetByRole(AriaRole.Button, new() { Name = "再読み込み" }).ClickAsync();
            await Assertions.Expect(page.Locator($".kh-card[data-request-id='{created.Id}']")).ToBeVisibleAsync();
            var next = await TestRequests.PostAsync(app, TestRequests.Valid());
            await Assertions.Expect(page.Locator($".kh-card[data-request-id='{next.Id}']")).ToBeVisibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [GeneratedRegex("エラー番号：([0-9a-f]{8})")]
    private static partial Regex Reference();
}
