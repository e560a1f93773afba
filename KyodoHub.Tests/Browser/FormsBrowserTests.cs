using KyodoHub.Tests.Infrastructure;
using KyodoHub.Tests.Me;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

/// <summary>The evaluation and agreement forms, the intake's group choice and the pages they lead to, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public class FormsBrowserTests(BrowserAppFixture fixture)
{
    private async Task<int> FinishedRequestOfTheDemoGroupAsync() =>
        (await CollaborationSeed.CreateAsync(fixture.App.Services, registrants: 1, finished: true,
            groupId: await CollaborationSeed.DemoGroupIdAsync(fixture.App.Services))).RequestId;

    [Fact]
    public async Task AnEvaluationSavedWithTheKeyboardEndsWithFocusOnTheAnnouncedConfirmation()
    {
        var requestId = await FinishedRequestOfTheDemoGroupAsync();
        var group = await fixture.SignedInPageAsync(Roles.GroupContact);
        try
        {
            await group.GotoAsync($"/evaluations/{requestId}");
            await Assertions.Expect(group.Locator("[data-testid=evaluation-form][data-live=on]")).ToHaveCountAsync(1);
            foreach (var question in new[] { "goals", "rating", "synergy" })
            {
                await DeskKeyboard.TabToSelectorAsync(group, $"input[type=radio][name={question}]");
                await group.Keyboard.PressAsync("Space");
            }
            await DeskKeyboard.TabToSelectorAsync(group, "button[type=submit]");
            await group.Keyboard.PressAsync("Enter");

            var saved = group.GetByTestId("evaluation-saved");
            await Assertions.Expect(saved).ToBeFocusedAsync();
            await Assertions.Expect(saved).ToHaveAttributeAsync("role", "status");
            await Assertions.Expect(saved).ToHaveAttributeAsync("aria-live", "polite");
            await Assertions.Expect(saved).ToContainTextAsync("評価を受け付けました。");
        }
        finally
        {
            await group.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheIntakesGroupSelectIsMarkedInvalidUntilAGroupIsChosen()
    {
        var desk = await fixture.SignedInPageAsync(Roles.DeskStaff);
        try
        {
            await desk.GotoAsync("/desk/intake");
            await Assertions.Expect(desk.Locator("form[data-live=on]")).ToHaveCountAsync(1);
            var select = desk.Locator("#group");
            await Assertions.Expect(select).Not.ToHaveAttributeAsync("aria-invalid", "true");
            await desk.GetByTestId("intake-submit").ClickAsync();

            await Assertions.Expect(select).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(desk.Locator("#group-error")).ToBeVisibleAsync();
            await select.SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await Assertions.Expect(desk.Locator("#group-error")).ToHaveCountAsync(0);
            await Assertions.Expect(select).Not.ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(desk.Locator("#title")).ToHaveAttributeAsync("aria-invalid", "true");
        }
        finally
        {
            await desk.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(PageLook.Names), MemberType = typeof(PageLook))]
    public async Task TheChangedPagesFitEverySize(string lookName)
    {
        var look = PageLook.Named(lookName);
        var requestId = await FinishedRequestOfTheDemoGroupAsync();
        var group = await fixture.SignedInPageAsync(Roles.GroupContact, look);
        var coordinator = await fixture.SignedInPageAsync(Roles.Coordinator, look);
        var desk = await fixture.SignedInPageAsync(Roles.DeskStaff, look);
        try
        {
            await group.GotoAsync($"/evaluations/{requestId}");
            await Assertions.Expect(group.Locator("[data-testid=evaluation-form][data-live=on]")).ToHaveCountAsync(1);
            await group.Locator("[data-testid=evaluation-form] button[type=submit]").ClickAsync();
            await Assertions.Expect(group.Locator("#evaluation-goals-error")).ToBeVisibleAsync();
            await Assertions.Expect(group.Locator("[aria-describedby=evaluation-goals-error]")).ToHaveAttributeAsync("aria-invalid", "true");
            await Shot(group, "evaluation-errors", look);
            await group.Locator("input[type=radio][name=goals]").Nth(3).CheckAsync();
            await Assertions.Expect(group.Locator("#evaluation-goals-error")).ToHaveCountAsync(0);
            await group.Locator("input[type=radio][name=rating]").Nth(3).CheckAsync();
            await group.Locator("input[type=radio][name=synergy]").Nth(0).CheckAsync();
            await group.Locator("[data-testid=evaluation-form] button[type=submit]").ClickAsync();
            await Assertions.Expect(group.GetByTestId("evaluation-saved")).ToBeFocusedAsync();
            await Shot(group, "evaluation-saved", look);

            var agreementRequest = (await CollaborationSeed.CreateAsync(fixture.App.Services, registrants: 1)).RequestId;
            await coordinator.GotoAsync($"/agreements/new/{agreementRequest}");
            await Assertions.Expect(coordinator.Locator("[data-testid=agreement-editor][data-live=on]")).ToHaveCountAsync(1);
            await coordinator.Locator("#agreement-purpose").FillAsync("");
            await coordinator.Locator("#agreement-purpose").BlurAsync();
            await coordinator.Locator("[data-testid=agreement-editor] button[type=submit]").ClickAsync();
            await Assertions.Expect(coordinator.Locator("#agreement-purpose")).ToHaveAttributeAsync("aria-invalid", "true");
            await Shot(coordinator, "agreement-errors", look);
            await coordinator.Locator("#agreement-purpose").FillAsync("地域の交流会を一緒に開く。");
            await coordinator.Locator("#agreement-purpose").BlurAsync();
            await Assertions.Expect(coordinator.Locator("#agreement-purpose")).Not.ToHaveAttributeAsync("aria-invalid", "true");
            await coordinator.Locator("[data-testid=agreement-editor] button[type=submit]").ClickAsync();
            await Assertions.Expect(coordinator.GetByTestId("agreement-saved")).ToBeFocusedAsync();
            await Shot(coordinator, "agreement-saved", look);

            await coordinator.GotoAsync("/public/requests/987654");
            await Assertions.Expect(coordinator.GetByTestId("public-not-found")).ToBeVisibleAsync();
            await Shot(coordinator, "public-request-not-found", look);

            var registrantId = await MeTestData.NewRegistrantAsync(fixture.App);
            await desk.GotoAsync($"/desk/registrants/{registrantId}");
            await Assertions.Expect(desk.Locator("[data-testid=registrant-name][data-live=on]")).ToHaveCountAsync(1);
            await desk.GetByTestId("edit-registrant").ClickAsync();
            await desk.Locator("#edit-cap").FillAsync("5");
            await desk.GetByTestId("save-registrant").ClickAsync();
            await Assertions.Expect(desk.GetByTestId("history-detail").First).ToContainTextAsync(look.English ? "Activities per month at most" : "1か月の活動上限（回）");
            await Shot(desk, "registrant-history", look);
        }
        finally
        {
            await group.Context.CloseAsync();
            await coordinator.Context.CloseAsync();
            await desk.Context.CloseAsync();
        }
    }

    private static async Task Shot(IPage page, string name, PageLook look)
    {
        Assert.True(await Screenshots.FitsTheWidthAsync(page), $"{name} scrolls sideways at {look}");
        await Screenshots.TakeAsync(page, name, look);
    }
}
