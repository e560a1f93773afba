using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class SecurityBrowserTests(BrowserAppFixture fixture)
{
    private const string Injected = "<script>window.khInjected = 1; alert('x')</script><img src=x onerror=\"window.khInjected = 2\">";

    [Fact]
    public async Task ADescriptionWithAScriptTagIsShownAsTextAndNothingInItRuns()
    {
        var created = await TestRequests.PostAsync(fixture.App, TestRequests.Valid() with { Description = Injected + " 公園の清掃" });
        var page = await fixture.SignedInPageAsync(Roles.Coordinator);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        try
        {
            await page.GotoAsync($"/coordinator/requests/{created.Id}");
            await Assertions.Expect(page.Locator("[data-testid=presence][data-live=on]")).ToHaveCountAsync(1);
            // Shown as text in the summary (and, as text again, in the edit form's description box).
            await Assertions.Expect(page.Locator("p.kh-pre")).ToHaveTextAsync(Injected + " 公園の清掃");
            Assert.Equal("none", await page.EvaluateAsync<string>("() => String(window.khInjected ?? 'none')"));
            Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
            Assert.Equal(0, dialogs);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheContentSecurityPolicyBlocksNothingThatTheAppItselfNeeds()
    {
        var page = await fixture.SignedInPageAsync(Roles.Coordinator);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        try
        {
            var created = await TestRequests.PostAsync(fixture.App, TestRequests.Valid());
            await page.GotoAsync("/coordinator");
            await Assertions.Expect(page.Locator("[data-testid=request-list][data-live=on]")).ToBeVisibleAsync();
            // The circuit's websocket is up and live events arrive through it.
            var live = await TestRequests.PostAsync(fixture.App, TestRequests.Valid());
            await Assertions.Expect(page.Locator($".kh-card[data-request-id='{live.Id}']")).ToBeVisibleAsync();
            await page.GotoAsync($"/coordinator/requests/{created.Id}");
            await Assertions.Expect(page.Locator("[data-testid=presence][data-live=on]")).ToHaveCountAsync(1);
            await page.GotoAsync("/account/login");
            Assert.Empty(violations);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
