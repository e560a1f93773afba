using KyodoHub.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser.Pages;

/// <summary>
/// Opens every page of one role in one look in a single signed-in browser context and collects what
/// each check finds, so that one test reports every problem of a run at once. A page with route
/// parameters is opened through the first link to it that the role's other pages show: the demo
/// data decides the ids, and a page nothing links to is a failure naming it.
/// </summary>
public sealed class PageTour(BrowserAppFixture fixture, string role, PageLook look)
{
    /// <summary>A check of an open, interactive page; returns what is wrong, one line each.</summary>
    public delegate Task<IEnumerable<string>> PageCheck(IPage page);

    public async Task<IReadOnlyList<string>> RunAsync(params PageCheck[] checks)
    {
        var page = role == RoutablePage.Anonymous
            ? await fixture.NewPageAsync(look)
            : await fixture.SignedInPageAsync(role, look);
        var failures = new List<string>();
        try
        {
            var pages = RoutablePage.Of(role);
            // Pages reached from a search's results, which no page lists before someone searches,
            // and from a link in a mail (one the tour cannot hold, which the page refuses).
            var links = new List<string> { $"/desk/registrants/{await FirstRegistrantIdAsync()}", "/offers/1/answer/from-a-mail" };
            var pending = pages.ToList();
            // Pages without parameters first; each page visited may link to the next ones.
            while (pending.Count > 0)
            {
                var next = pending.FirstOrDefault(p => !p.HasParameters)
                    ?? pending.FirstOrDefault(p => links.Exists(p.Matches));
                if (next is null)
                {
                    failures.AddRange(pending.Select(p => $"{p.Template} [{role} {look}]: no page of this role links to it, so the tour has no id to open it with"));
                    break;
                }
                pending.Remove(next);
                var url = next.HasParameters ? links.First(next.Matches) : next.Template;
                var where = $"{url} [{role} {look}]";
                try
                {
                    await OpenAsync(page, url, next.Interactive);
                    var landed = new Uri(page.Url).AbsolutePath;
                    if (landed != url && landed is "/account/access-denied" or "/account/login" && role != RoutablePage.Anonymous)
                    {
                        failures.Add($"{where}: sent to {new Uri(page.Url).PathAndQuery}");
                        continue;
                    }
                    links.AddRange(await page.EvaluateAsync<string[]>(
                        "() => [...document.querySelectorAll('a[href]')].filter(a => a.origin === location.origin).map(a => a.pathname)"));
                    foreach (var check in next.IsCheckedBy(role) ? checks : [])
                    {
                        failures.AddRange((await check(page)).Select(problem => $"{where}: {problem}"));
                    }
                    if (next.IsCheckedBy(role))
                    {
                        await Screenshots.TakeAsync(page, $"{role}{url.Replace('/', '_')}", look);
                    }
                }
                catch (Exception e) when (e is PlaywrightException or TimeoutException)
                {
                    failures.Add($"{where}: {e.Message.Split('\n')[0]}");
                }
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
        return failures;
    }

    private async Task<int> FirstRegistrantIdAsync()
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<Web.Data.KyodoDbContext>>().CreateDbContextAsync();
        return await db.Registrants.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
    }

    /// <summary>Opens a page and waits until its circuit runs and it has loaded what it shows.</summary>
    private static async Task OpenAsync(IPage page, string url, bool interactive)
    {
        await page.GotoAsync(url);
        if (interactive)
        {
            await Assertions.Expect(page.Locator("main[data-live=on]")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("[data-live=off]")).ToHaveCountAsync(0);
        }
        await Assertions.Expect(page.Locator(".mud-progress-indeterminate")).ToHaveCountAsync(0);
    }
}
