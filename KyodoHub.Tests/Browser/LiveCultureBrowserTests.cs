using System.Globalization;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Api;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

/// <summary>
/// A live event re-renders a page on the broker's thread; what it renders stays in the language
/// the user chose: dates, towns, categories, skills and labels.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveCultureBrowserTests(BrowserAppFixture fixture)
{
    public static TheoryData<bool> Languages => new() { false, true };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ARequestArrivingOnTheDashboardIsShownInThePagesLanguage(bool english)
    {
        var look = english ? PageLook.DesktopEnglish : PageLook.Desktop;
        var page = await fixture.SignedInPageAsync(Roles.Coordinator, look);
        try
        {
            await Assertions.Expect(page.Locator("[data-testid=request-list][data-live=on]")).ToBeVisibleAsync();
            var dto = TestRequests.Valid();
            var created = await TestRequests.PostAsync(fixture.App, dto);
            var card = page.Locator($".kh-card[data-request-id='{created.Id}']");
            await Assertions.Expect(card).ToBeVisibleAsync();

            var names = await NamesAsync(dto);
            var text = await card.InnerTextAsync();
            Assert.Contains(In(english, () => DisplayFormats.DateTime(dto.Sessions![0].Start)), text);
            Assert.Contains(english ? names.AreaEn : names.AreaJa, text);
            Assert.Contains(english ? "Filled / seats" : "決定／定員", text);
            Assert.Contains(english ? "Chokotto Volunteer" : "ちょこっとボランティア", text);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(english ? "Requests at a glance" : "依頼の状況");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task ASecondCoordinatorOpeningTheRequestLeavesItInThePagesLanguage(bool english)
    {
        var skill = await AnySkillAsync();
        var dto = TestRequests.Valid(requiredSkills: [skill.Id]);
        var created = await TestRequests.PostAsync(fixture.App, dto);
        var look = english ? PageLook.DesktopEnglish : PageLook.Desktop;
        var hanako = await fixture.SignedInPageAsync(Roles.Coordinator, look);
        var jiro = await fixture.SignedInPageAsync("coordinator2@kyodohub.example", DemoUsers.Password, "/coordinator");
        try
        {
            await hanako.GotoAsync($"/coordinator/requests/{created.Id}");
            await Assertions.Expect(hanako.Locator("[data-testid=presence][data-live=on]")).ToHaveCountAsync(1);
            await jiro.GotoAsync($"/coordinator/requests/{created.Id}");
            // The presence event re-rendered the whole page.
            await Assertions.Expect(hanako.GetByTestId("presence")).ToContainTextAsync("連携 次郎");

            var names = await NamesAsync(dto);
            var text = await hanako.Locator("main").InnerTextAsync();
            Assert.Contains(In(english, () => DisplayFormats.Date(dto.Sessions![0].Start)), text);
            Assert.Contains(In(english, () => DisplayFormats.DateTime(dto.FillBy!.Value)), text);
            Assert.Contains(english ? names.AreaEn : names.AreaJa, text);
            Assert.Contains(english ? names.CategoryEn : names.CategoryJa, text);
            Assert.Contains(english ? skill.NameEn : skill.NameJa, text);
            Assert.Contains(english ? "Required skills" : "必須のスキル", text);
        }
        finally
        {
            await hanako.Context.CloseAsync();
            await jiro.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task AnOfferArrivingInTheInboxIsShownInThePagesLanguage(bool english)
    {
        var dto = TestRequests.Valid();
        var created = await TestRequests.PostAsync(fixture.App, dto);
        var registrantId = await OfferTestData.TopCandidateAsync(fixture.App, created.Id);
        var email = await TestAccounts.ForRegistrantAsync(fixture.App, registrantId);
        var look = english ? PageLook.DesktopEnglish : PageLook.Desktop;
        var page = await fixture.BrowserFixture.SignedInPageAsync(fixture.App, email, TestAccounts.Password, "/me", look);
        try
        {
            await page.GotoAsync("/me/offers");
            await Assertions.Expect(page.Locator("[data-testid=inbox][data-live=on]")).ToHaveCountAsync(1);
            await using (var scope = ScopeAs.User(fixture.App.Services, Roles.Coordinator))
            {
                await scope.ServiceProvider.GetRequiredService<OfferService>().SendAsync(created.Id, [registrantId]);
            }
            var offer = page.Locator(".kh-card", new() { HasText = created.Title });
            await Assertions.Expect(offer).ToBeVisibleAsync();

            var names = await NamesAsync(dto);
            var text = await offer.InnerTextAsync();
            Assert.Contains(In(english, () => DisplayFormats.Date(dto.Sessions![0].Start)), text);
            Assert.Contains(english ? names.AreaEn : names.AreaJa, text);
            Assert.Contains(english ? "Please answer by" : "回答期限：", text);
            Assert.Equal(english ? "Accept" : "引き受ける", (await offer.GetByTestId("accept").TextContentAsync())?.Trim());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static string In(bool english, Func<string> format)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var chosen = CultureInfo.GetCultureInfo(english ? "en" : "ja-JP");
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (chosen, chosen);
        try
        {
            return format();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private async Task<(string AreaJa, string AreaEn, string CategoryJa, string CategoryEn)> NamesAsync(CreateRequestDto dto)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var area = await db.Areas.SingleAsync(a => a.Id == dto.AreaId);
        var category = await db.SkillCategories.SingleAsync(c => c.Id == dto.CategoryId);
        return (area.NameJa, area.NameEn, category.NameJa, category.NameEn);
    }

    private async Task<Core.Skills.SkillTag> AnySkillAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.SkillTags.OrderBy(t => t.Id).FirstAsync(t => t.NameJa != t.NameEn);
    }
}
