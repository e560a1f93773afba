using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class LiveMatchingBrowserTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task ARequestPostedToTheApiIsOfferedAcceptedAndFilledWithoutAnyReload()
    {
        var coordinator = await fixture.SignedInPageAsync(Roles.Coordinator);
        IPage? registrant = null;
        try
        {
            // Live once the circuit runs (the list is visible earlier, prerendered).
            await Assertions.Expect(coordinator.Locator("[data-testid=request-list][data-live=on]")).ToBeVisibleAsync();
            // Any full reload would replace window.khMarker; it must survive to the end.
            await coordinator.EvaluateAsync("() => window.khMarker = 'no reload'");

            var dto = TestRequests.Valid();
            var created = await TestRequests.PostAsync(fixture.App, dto);
            var card = coordinator.Locator($".kh-card[data-request-id='{created.Id}']");
            await Assertions.Expect(card).ToBeVisibleAsync();
            await Assertions.Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("kh-fresh"));

            await card.GetByRole(AriaRole.Link).ClickAsync();
            await coordinator.WaitForURLAsync($"**/coordinator/requests/{created.Id}");
            await Assertions.Expect(coordinator.Locator("[data-testid=presence][data-live=on]")).ToHaveCountAsync(1);
            var top = coordinator.Locator("[data-testid=candidates] li").First;
            var registrantId = int.Parse((await top.GetAttributeAsync("data-registrant-id"))!, System.Globalization.CultureInfo.InvariantCulture);

            var email = await TestAccounts.ForRegistrantAsync(fixture.App, registrantId);
            registrant = await fixture.SignedInPageAsync(email, TestAccounts.Password, "/me");
            await registrant.GotoAsync("/me/offers");
            await Assertions.Expect(registrant.Locator("[data-testid=inbox][data-live=on]")).ToHaveCountAsync(1);
            await Assertions.Expect(registrant.GetByText(created.Title)).ToHaveCountAsync(0);
            await registrant.EvaluateAsync("() => window.khMarker = 'no reload'");

            await top.Locator("input[type=checkbox]").CheckAsync();
            await coordinator.GetByTestId("send-offers").ClickAsync();
            await Assertions.Expect(coordinator.Locator("[data-testid=offers] [data-offer-state=Offered]")).ToHaveCountAsync(1);

            var offer = registrant.Locator(".kh-card", new() { HasText = created.Title });
            await Assertions.Expect(offer).ToBeVisibleAsync();
            await offer.GetByTestId("accept").ClickAsync();
            await Assertions.Expect(registrant.GetByTestId("upcoming")).ToContainTextAsync(created.Title);

            await Assertions.Expect(coordinator.Locator(".mud-chip[data-state=Filled]")).ToBeVisibleAsync();
            await Assertions.Expect(coordinator.Locator("[data-testid=offers] [data-offer-state=Accepted]")).ToHaveCountAsync(1);
            Assert.Equal("no reload", await coordinator.EvaluateAsync<string>("() => window.khMarker"));
            Assert.Equal("no reload", await registrant.EvaluateAsync<string>("() => window.khMarker"));
        }
        finally
        {
            await coordinator.Context.CloseAsync();
            if (registrant is not null)
            {
                await registrant.Context.CloseAsync();
            }
        }
    }

    [Fact]
    public async Task TwoCoordinatorsOnTheSameRequestSeeEachOther()
    {
        var created = await TestRequests.PostAsync(fixture.App, TestRequests.Valid());
        var hanako = await fixture.SignedInPageAsync(Roles.Coordinator);
        var jiro = await fixture.SignedInPageAsync("coordinator2@kyodohub.example", DemoUsers.Password, "/coordinator");
        try
        {
            await hanako.GotoAsync($"/coordinator/requests/{created.Id}");
            await Assertions.Expect(hanako.Locator("[data-testid=presence][data-live=on]")).ToHaveCountAsync(1);
            await jiro.GotoAsync($"/coordinator/requests/{created.Id}");
            await Assertions.Expect(jiro.GetByTestId("presence")).ToContainTextAsync("調整 花子");
            await Assertions.Expect(hanako.GetByTestId("presence")).ToContainTextAsync("連携 次郎");

            await jiro.GotoAsync("/coordinator");
            await Assertions.Expect(hanako.GetByTestId("presence")).Not.ToContainTextAsync("連携 次郎");
        }
        finally
        {
            await hanako.Context.CloseAsync();
            await jiro.Context.CloseAsync();
        }
    }
}
