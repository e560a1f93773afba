using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Components.Layout;
using KyodoHub.Web.Identity;
using Microsoft.AspNetCore.Components;

namespace KyodoHub.Tests.Shell;

public class MainLayoutTests : KyodoBunitContext
{
    private IRenderedComponent<MainLayout> RenderLayout() =>
        RenderLayout((RenderFragment)(b => b.AddContent(0, "page body")));

    // The layout marks its main region live once the circuit is interactive, as a server circuit is.
    private IRenderedComponent<MainLayout> RenderLayout(RenderFragment body)
    {
        UseInteractiveServerRenderer();
        return Render<MainLayout>(p => p.Add(l => l.Body, body));
    }

    [Fact]
    public void ShowsTheAppNameAndThePageBody()
    {
        AddAuthorization();
        var layout = RenderLayout();
        Assert.Contains("協働ハブ", layout.Find(".kh-brand").TextContent, StringComparison.Ordinal);
        Assert.Contains("page body", layout.Find("main#main").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void APageThatFailsSaysSoInsideTheLayoutWhoseMenuStaysAndTheNextPageShows()
    {
        AddAuthorization().SetAuthorized("coordinator@kyodohub.example").SetRoles(Roles.Coordinator);
        var layout = RenderLayout(b =>
        {
            b.OpenComponent<FailingPage>(0);
            b.CloseComponent();
        });
        Assert.Contains("この部分を表示できませんでした。", layout.Find("main#main [data-testid=live-failed]").TextContent, StringComparison.Ordinal);
        Assert.Contains(layout.FindAll("nav a"), a => a.GetAttribute("href") == "/coordinator");

        layout.Render(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));
        Assert.Contains("page body", layout.Find("main#main").TextContent, StringComparison.Ordinal);
        Assert.Empty(layout.FindAll("[data-testid=live-failed]"));
    }

    [Fact]
    public void ACoordinatorSeesTheCoordinationLinkButNotTheAdministrationLink()
    {
        AddAuthorization().SetAuthorized("coordinator@kyodohub.example").SetRoles(Roles.Coordinator);
        var links = RenderLayout().FindAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/coordinator", links);
        Assert.DoesNotContain("/admin", links);
        Assert.DoesNotContain("/me", links);
    }

    [Fact]
    public void ARegistrantSeesOnlyTheirOwnPagesAndThePublicOnes()
    {
        AddAuthorization().SetAuthorized("registrant@kyodohub.example").SetRoles(Roles.Registrant);
        var links = RenderLayout().FindAll(".mud-navmenu a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/agreements", "/evaluations", "/me", "/me/offers", "/public"], links.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ASignedInUserGetsASignOutFormWithAnAntiforgeryToken()
    {
        AddAuthorization().SetAuthorized("desk@kyodohub.example").SetRoles(Roles.DeskStaff);
        var form = RenderLayout().Find("form[action='/account/logout']");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Contains("ログアウト", form.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAnonymousVisitorIsOfferedSignIn()
    {
        AddAuthorization();
        var layout = RenderLayout();
        Assert.Contains(layout.FindAll("a"), a => a.GetAttribute("href") == "/account/login" && a.TextContent.Contains("ログイン", StringComparison.Ordinal));
    }

    [Fact]
    public void SpeaksEnglishWhenTheCultureIsEnglish()
    {
        UseCulture("en");
        AddAuthorization().SetAuthorized("desk@kyodohub.example").SetRoles(Roles.DeskStaff);
        var layout = RenderLayout();
        Assert.Contains("KyodoHub", layout.Find(".kh-brand").TextContent, StringComparison.Ordinal);
        Assert.Contains("Sign out", layout.Find("form[action='/account/logout']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Consultation desk", layout.Find(".mud-navmenu").TextContent, StringComparison.Ordinal);
    }

    private sealed class FailingPage : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("the page failed");
    }
}
