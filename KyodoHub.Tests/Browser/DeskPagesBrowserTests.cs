using KyodoHub.Tests.Browser.Pages;
using KyodoHub.Tests.Desk;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

/// <summary>The staff registrant page and the audit log fit a phone and a desk screen, in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskPagesBrowserTests(BrowserAppFixture fixture)
{


    private static async Task AssertNoHorizontalScrollAsync(IPage page) =>
        Assert.True(await Screenshots.FitsTheWidthAsync(page),
            $"{page.Url} scrolls sideways: {await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide");

    [Theory]
    [MemberData(nameof(PageLook.Names), MemberType = typeof(PageLook))]
    public async Task TheRegistrantPageFitsTheScreenAndShowsTheContactOnRequest(string lookName)
    {
        var look = PageLook.Named(lookName);
        var person = await DeskPagesTestData.PersonWithHistoryAsync(fixture.App);
        var page = await fixture.SignedInPageAsync(Roles.DeskStaff, look);
        await page.GotoAsync($"/desk/registrants/{person.Id}");
        await Assertions.Expect(page.Locator("[data-testid=registrant-name][data-live=on]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=section-offers] [data-offer-id]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync(person.Phone);

        await page.Locator("[data-testid=registrant-contact] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=contact-details]")).ToContainTextAsync(person.Phone);
        await AssertNoHorizontalScrollAsync(page);
        await Screenshots.TakeAsync(page, "registrant", look);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(PageLook.Names), MemberType = typeof(PageLook))]
    public async Task TheStaffEditorsOfSkillsAndAvailabilityFitTheScreenAndPassAxe(string lookName)
    {
        var look = PageLook.Named(lookName);
        var person = await DeskPagesTestData.PersonWithHistoryAsync(fixture.App);
        var page = await fixture.SignedInPageAsync(Roles.DeskStaff, look);
        await page.GotoAsync($"/desk/registrants/{person.Id}");
        await Assertions.Expect(page.Locator("[data-testid=registrant-name][data-live=on]")).ToHaveCountAsync(1);
        await page.GetByTestId("edit-skills").ClickAsync();
        await Assertions.Expect(page.GetByTestId("skills-editor")).ToBeVisibleAsync();
        await page.GetByTestId("edit-availability").ClickAsync();
        await Assertions.Expect(page.GetByTestId("availability-editor")).ToBeVisibleAsync();

        var problems = (await AccessibilityCheck.RunAsync(page)).ToList();
        if (look.Width < 600)
        {
            problems.AddRange(await PhoneLayoutCheck.RunAsync(page));
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        await Screenshots.TakeAsync(page, "registrant-editors", look);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(PageLook.Names), MemberType = typeof(PageLook))]
    public async Task TheAuditLogFitsTheScreenAndKeepsItsSearchInTheAddress(string lookName)
    {
        var look = PageLook.Named(lookName);
        var person = await DeskPagesTestData.PersonWithHistoryAsync(fixture.App);
        await using (var scope = ScopeAs.User(fixture.App.Services, Roles.DeskStaff, userName: "desk-browser@kyodohub.example"))
        {
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Web.Features.Audit.ContactDetailsService>(scope.ServiceProvider).RegistrantAsync(person.Id);
        }
        var page = await fixture.SignedInPageAsync(Roles.Administrator, look);
        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page.Locator("[data-testid=audit-filters][data-live=on]")).ToHaveCountAsync(1);
        await page.Locator("#audit-user").FillAsync("desk-browser@kyodohub.example");
        await page.Locator("#audit-action").SelectOptionAsync("ViewContact");
        await page.Locator("[data-testid=audit-filters] button[type=submit]").ClickAsync();

        await page.WaitForURLAsync("**/admin/audit?*user=desk-browser*");
        Assert.Contains("action=ViewContact", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=audit-record] a").First).ToHaveTextAsync(person.Name);
        await AssertNoHorizontalScrollAsync(page);
        await Screenshots.TakeAsync(page, "audit", look);
        await page.Context.CloseAsync();
    }
}
