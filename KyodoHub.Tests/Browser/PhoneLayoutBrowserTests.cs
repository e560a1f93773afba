using KyodoHub.Tests.Browser.Pages;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Browser;

/// <summary>
/// At 390 × 844, in both languages, no page of any role scrolls sideways, the app bar stays on one
/// line, no button or chip breaks its label, and axe-core finds no WCAG 2.1 A or AA violation
/// (checked on the same visit, so that each page is opened once per look).
/// </summary>
// Markup, not data: the tour runs once, in the SQLite run.
[Trait("Database", "SQLite")]
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutBrowserTests(BrowserAppFixture fixture)
{
    public static TheoryData<string, string> RolesAndPhones
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var role in Roles.All.Append(RoutablePage.Anonymous))
            {
                data.Add(role, PageLook.Phone.ToString());
                data.Add(role, PageLook.PhoneEnglish.ToString());
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RolesAndPhones))]
    public async Task EveryPageOfTheRoleFitsAPhoneAndHasNoWcagViolation(string role, string look)
    {
        var failures = await new PageTour(fixture, role, PageLook.All.Single(l => l.ToString() == look))
            .RunAsync(PhoneLayoutCheck.RunAsync, AccessibilityCheck.RunAsync);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
