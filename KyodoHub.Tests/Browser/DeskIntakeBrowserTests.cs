using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class DeskIntakeBrowserTests(BrowserAppFixture fixture)
{
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
            var title = $"キーボード受付 {Guid.NewGuid():N}"[..16];
            await DeskKeyboard.TakeRequestAsync(desk, title);

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
