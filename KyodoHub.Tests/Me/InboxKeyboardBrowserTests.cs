using KyodoHub.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Me;

/// <summary>A registrant answers an offer in the inbox with the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public class InboxKeyboardBrowserTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task AcceptingWithTheKeyboardEndsWithFocusOnTheConfirmation()
    {
        var request = await TestRequests.PostAsync(fixture.App, TestRequests.Valid(daysAhead: 260));
        var registrantId = (await OfferTestData.FreeRegistrantsAsync(fixture.App, 1))[0];
        await OfferTestData.InsertOffersAsync(fixture.App, request.Id, [registrantId]);
        var email = await TestAccounts.ForRegistrantAsync(fixture.App, registrantId);
        var page = await fixture.SignedInPageAsync(email, TestAccounts.Password, "/me");
        try
        {
            await page.GotoAsync("/me/offers");
            await Assertions.Expect(page.Locator("[data-testid=inbox][data-live=on]")).ToHaveCountAsync(1);
            var card = page.Locator(".kh-card", new() { HasText = request.Title });
            await Assertions.Expect(card).ToBeVisibleAsync();
            var offerId = await card.GetAttributeAsync("data-offer-id");

            await DeskKeyboard.TabToSelectorAsync(page, $"[data-offer-id='{offerId}'] [data-testid=accept]");
            await page.Keyboard.PressAsync("Enter");

            var message = page.GetByTestId("inbox-message");
            await Assertions.Expect(message).ToContainTextAsync("引き受けました");
            await Assertions.Expect(message).ToBeFocusedAsync();
            await Assertions.Expect(message).ToHaveAttributeAsync("role", "status");
            await Assertions.Expect(message).ToHaveAttributeAsync("aria-live", "polite");
            Assert.Equal("inbox-message", await page.EvaluateAsync<string>("() => document.activeElement?.dataset.testid ?? ''"));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
