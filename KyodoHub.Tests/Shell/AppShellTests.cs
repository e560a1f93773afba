using System.Net;
using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.Shell;

[Collection(AppCollection.Name)]
public class AppShellTests(AppFixture fixture)
{
    [Fact]
    public async Task HealthAnswersOkWhenTheDatabaseAnswers()
    {
        using var client = fixture.App.NewClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheTopPageIsJapaneseByDefault()
    {
        using var client = fixture.App.NewClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"ja\"", html, StringComparison.Ordinal);
        Assert.Contains("協働ハブ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLanguageSwitchPersistsEnglishInACookie()
    {
        using var client = fixture.App.NewClient();
        var response = await client.GetAsync("/culture?lang=en&returnUrl=%2F");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Redirect.PathOf(response));
        var html = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"en\"", html, StringComparison.Ordinal);
        Assert.Contains("Matching citizens", html, StringComparison.Ordinal);

        await client.GetAsync("/culture?lang=ja&returnUrl=%2F");
        Assert.Contains("<html lang=\"ja\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLanguageSwitchDoesNotRedirectToAnotherHost()
    {
        using var client = fixture.App.NewClient();
        var response = await client.GetAsync("/culture?lang=en&returnUrl=%2F%2Fevil.example");
        Assert.Equal("/", Redirect.PathOf(response));
    }

    [Fact]
    public async Task ServesTheAppsOwnStylesheetAndLogoFromWwwrootAssets()
    {
        using var client = fixture.App.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/app.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/img/logo.svg")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownPageSaysItWasNotFound()
    {
        using var client = fixture.App.NewClient();
        var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ページが見つかりません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
