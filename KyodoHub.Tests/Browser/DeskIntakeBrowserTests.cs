using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class DeskIntakeBrowserTests(BrowserAppFixture fixture)
{
    /// <summary>Presses Tab (Shift+Tab backwards is never needed here) until the element has focus.</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id)
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached #{id}");
    }

    [Fact]
    public async Task ARequestTakenWithTheKeyboardAloneAppearsOnAnOpenDashboard()
    {
        var coordinator = await fixture.SignedInPageAsync(Roles.Coordinator);
        var desk = await fixture.SignedInPageAsync(Roles.DeskStaff);
        try
        {
            await Assertions.Expect(coordinator.Locator("[data-testid=request-list][data-live=on]")).ToHaveCountAsync(1);
            await coordinator.EvaluateAsync("() => window.khMarker = 'no reload'");

            await desk.GotoAsync("/desk/intake");
            await Assertions.Expect(desk.Locator("form[data-live=on]")).ToHaveCountAsync(1);
            var title = $"キーボード受付 {Guid.NewGuid():N}"[..16];

            await TabToAsync(desk, "group");
            await desk.Keyboard.PressAsync("ArrowDown");
            await TabToAsync(desk, "title");
            await desk.Keyboard.TypeAsync(title);
            await TabToAsync(desk, "description");
            await desk.Keyboard.TypeAsync("電話での依頼。夏祭りの受付を手伝ってほしい。");
            await TabToAsync(desk, "category");
            await desk.Keyboard.PressAsync("ArrowDown");
            await TabToAsync(desk, "place");
            await desk.Keyboard.TypeAsync("自治会集会所");
            await desk.Keyboard.PressAsync("Enter");

            await Assertions.Expect(desk.GetByTestId("intake-saved")).ToBeVisibleAsync();
            var card = coordinator.Locator(".kh-card", new() { HasText = title });
            await Assertions.Expect(card).ToBeVisibleAsync();
            await Assertions.Expect(card).ToHaveAttributeAsync("data-state", "Open");
            Assert.Equal("no reload", await coordinator.EvaluateAsync<string>("() => window.khMarker"));
        }
        finally
        {
            await coordinator.Context.CloseAsync();
            await desk.Context.CloseAsync();
        }
    }
}
