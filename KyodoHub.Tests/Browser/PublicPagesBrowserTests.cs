using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

/// <summary>
/// The public pages, reports and plan page in both languages, on a desktop and on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPagesBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(PageLook.Names), MemberType = typeof(PageLook))]
    public async Task ThePublicTopAndRequestPagesFitTheScreenWithoutSideways(string lookName)
    {
        var look = PageLook.Named(lookName);
        var page = await fixture.NewPageAsync(look);
        try
        {
            await page.GotoAsync("/public");
            await Assertions.Expect(page.GetByTestId("centre")).ToBeVisibleAsync();
            await AssertFitsAsync(page, "public-top", look);

            var id = await OpenRequestIdAsync();
            await page.GotoAsync($"/public/requests/{id}");
            await Assertions.Expect(page.GetByTestId("public-request-detail")).ToBeVisibleAsync();
            await AssertFitsAsync(page, "public-request", look);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(PageLook.Names), MemberType = typeof(PageLook))]
    public async Task TheReportsAndPlanPagesFitTheScreenWithoutSideways(string lookName)
    {
        var look = PageLook.Named(lookName);
        var page = await fixture.SignedInPageAsync(Roles.Coordinator, look);
        try
        {
            await page.GotoAsync("/reports");
            await Assertions.Expect(page.Locator("[data-chart=Monthly] .kh-value-row")).ToHaveCountAsync(12);
            await AssertFitsAsync(page, "reports", look);

            await page.GotoAsync("/coordinator/plan");
            await Assertions.Expect(page.Locator("form[data-live=on]")).ToHaveCountAsync(1);
            await page.GetByTestId("plan-run").ClickAsync();
            await Assertions.Expect(page.GetByTestId("plan-summary")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await AssertFitsAsync(page, "plan", look);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<int> OpenRequestIdAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        return (await db.Requests.AsNoTracking().Where(r => r.State == RequestState.PartiallyFilled).ToListAsync()).First(r => r.FillBy > now).Id;
    }

    private static async Task AssertFitsAsync(IPage page, string name, PageLook look)
    {
        Assert.True(await Screenshots.FitsTheWidthAsync(page), $"{name} at {look} scrolls sideways");
        await Screenshots.TakeAsync(page, name, look);
    }
}
