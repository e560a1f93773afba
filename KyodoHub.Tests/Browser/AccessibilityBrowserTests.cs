using KyodoHub.Tests.Browser.Pages;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Browser;

/// <summary>
/// Every page of every role, and the public pages, in Japanese and English at desktop width, has no
/// WCAG 2.1 A or AA violation that axe-core finds; <see cref="PhoneLayoutBrowserTests"/> checks the
/// same at phone width on the same visit as the layout.
/// </summary>
// Markup, not data: the tour runs once, in the SQLite run.
[Trait("Database", "SQLite")]
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserAppFixture fixture)
{
    public static TheoryData<string, string> RolesAndDesktops
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var role in Roles.All.Append(RoutablePage.Anonymous))
            {
                data.Add(role, PageLook.Desktop.ToString());
                data.Add(role, PageLook.DesktopEnglish.ToString());
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RolesAndDesktops))]
    public async Task EveryPageOfTheRoleHasNoWcagViolation(string role, string look)
    {
        var failures = await new PageTour(fixture, role, PageLook.All.Single(l => l.ToString() == look))
            .RunAsync(AccessibilityCheck.RunAsync);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
