using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

/// <summary>
/// On the coordinator's request page the send bar stays on screen however far the candidate list
/// scrolls, and the result of sending shows beside its button, on a desktop and on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoordinatorOfferBarBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(PageLook.Names), MemberType = typeof(PageLook))]
    public async Task TheSendBarStaysVisibleWhileScrollingAndShowsItsResultBesideTheButton(string name)
    {
        var look = PageLook.Named(name);
        var request = await TestRequests.PostAsync(fixture.App, TestRequests.Valid(headcount: 3, daysAhead: 240 + PageLook.All.ToList().IndexOf(look)));
        var page = await fixture.SignedInPageAsync(Roles.Coordinator, look);
        await page.GotoAsync($"/coordinator/requests/{request.Id}");
        await Assertions.Expect(page.Locator("[data-testid=presence][data-live=on]")).ToHaveCountAsync(1);
        var boxes = page.Locator("[data-testid=candidates] li.kh-candidate input[type=checkbox]");
        await Assertions.Expect(boxes.First).ToBeVisibleAsync();

        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        var bar = page.Locator("[data-testid=offer-bar]");
        await Assertions.Expect(bar.Locator("[data-testid=send-offers]")).ToContainTextAsync(look.English ? "2" : "選んだ2人に打診する");
        await AssertOnScreenAsync(page, bar);
        await Screenshots.TakeAsync(page, "request-selection", look);

        // Far down the list, the bar is still there.
        await page.EvaluateAsync("() => window.scrollBy(0, 1500)");
        await AssertOnScreenAsync(page, bar);

        await bar.Locator("[data-testid=send-offers]").ClickAsync();
        var result = bar.Locator("[data-testid=offer-result]");
        await Assertions.Expect(result).ToContainTextAsync(look.English ? "2" : "2人に打診しました。");
        await AssertOnScreenAsync(page, result);
        await Screenshots.TakeAsync(page, "request-sent", look);
        await page.Context.CloseAsync();
    }

    private static async Task AssertOnScreenAsync(IPage page, ILocator element)
    {
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        var height = await page.EvaluateAsync<double>("() => window.innerHeight");
        Assert.True(box.Y >= 0 && box.Y + box.Height <= height + 1, $"The element is at {box.Y}..{box.Y + box.Height}, the screen 0..{height}.");
    }
}
