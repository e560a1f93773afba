using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

/// <summary>The browser tests' English and phone pages are what a user who chose them sees.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageLookBrowserTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task AnEnglishPhonePageIsInEnglishAndPhoneSized()
    {
        var page = await fixture.SignedInPageAsync(Roles.Registrant, PageLook.PhoneEnglish);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Equal(390, await page.EvaluateAsync<int>("() => window.innerWidth"));
        await page.Context.CloseAsync();
    }
}
