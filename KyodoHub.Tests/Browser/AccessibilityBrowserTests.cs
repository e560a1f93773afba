using KyodoHub.Tests.Browser.Pages;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Browser;

/// <summary>
/// Every page of every role, and the public pages, in Japanese and English, at 1280 px and on a
/// 390 × 844 phone: axe-core finds no WCAG 2.1 A or AA violation, and on the phone no page scrolls
/// sideways, the app bar stays on one line and no button or chip breaks its label. A page that
/// several roles open is checked once per look, as one of them (<see cref="RoutablePage.IsCheckedBy"/>);
/// every role's home is checked, and with it that role's menus. The four looks
/// of a role are toured side by side, one browser context each: axe keeps a browser process busy
/// while the app waits, so the tours share the machine instead of queueing. They stay in the browser
/// collection: run beside the other tests they only slowed everything down, the machine being
/// CPU-bound on its two cores.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserAppFixture fixture)
{
    public static TheoryData<string> RolesAndAnonymous => [.. Roles.All.Append(RoutablePage.Anonymous)];

    [Theory]
    [MemberData(nameof(RolesAndAnonymous))]
    public async Task EveryPageOfTheRoleHasNoWcagViolationAndFitsAPhone(string role)
    {
        var tours = PageLook.All.Select(look => look.Width < 600
            ? new PageTour(fixture, role, look).RunAsync(PhoneLayoutCheck.RunAsync, AccessibilityCheck.RunAsync)
            : new PageTour(fixture, role, look).RunAsync(AccessibilityCheck.RunAsync));
        var failures = (await Task.WhenAll(tours)).SelectMany(f => f).ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
