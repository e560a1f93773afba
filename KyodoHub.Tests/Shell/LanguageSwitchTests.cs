using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Shell;

public class LanguageSwitchTests : KyodoBunitContext
{
    [Fact]
    public void MarksJapaneseAsCurrentByDefault()
    {
        var links = Render<LanguageSwitch>().FindAll("a");
        Assert.Equal("true", links.Single(a => a.TextContent == "日本語").GetAttribute("aria-current"));
        Assert.Null(links.Single(a => a.TextContent == "English").GetAttribute("aria-current"));
    }

    [Fact]
    public void MarksEnglishAsCurrentWhenTheCultureIsEnglish()
    {
        UseCulture("en");
        var links = Render<LanguageSwitch>().FindAll("a");
        Assert.Equal("true", links.Single(a => a.TextContent == "English").GetAttribute("aria-current"));
    }

    [Fact]
    public void LinksToTheCultureEndpointAndBackToTheCurrentPage()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/desk?tab=2");
        var english = Render<LanguageSwitch>().FindAll("a").Single(a => a.TextContent == "English");
        Assert.Equal("/culture?lang=en&returnUrl=%2Fdesk%3Ftab%3D2", english.GetAttribute("href"));
    }
}
