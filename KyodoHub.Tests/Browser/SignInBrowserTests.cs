using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class SignInBrowserTests(BrowserAppFixture fixture)
{
    [Theory]
    [MemberData(nameof(DemoUsers.AllRoles), MemberType = typeof(DemoUsers))]
    public async Task EachDemoRoleSignsInInChromiumAndSeesItsHomePage(string role)
    {
        var page = await fixture.SignedInPageAsync(role);
        try
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(DemoUsers.HomeHeadingOf(role));
            // The page is live: the circuit connected and the menu button responds.
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
            foreach (var other in Roles.All.Where(r => r != role))
            {
                var response = await page.GotoAsync(Roles.HomeOf(other));
                Assert.Contains("/account/access-denied", page.Url, StringComparison.Ordinal);
                Assert.NotNull(response);
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheLanguageSwitchTurnsThePageEnglishAndStaysSo()
    {
        var page = await fixture.SignedInPageAsync(Roles.Coordinator);
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Requests at a glance");
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Requests at a glance");
            await page.GetByRole(AriaRole.Link, new() { Name = "日本語", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("依頼の状況");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
