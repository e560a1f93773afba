using Microsoft.Playwright;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// Full-page screenshots for a person to look at: set KYODO_SCREENSHOTS to a folder and every
/// browser test that shows a page keeps a picture of it there. Without it nothing is written.
/// </summary>
internal static class Screenshots
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("KYODO_SCREENSHOTS") is { Length: > 0 } set ? set : null;

    public static async Task TakeAsync(IPage page, string name, PageLook look)
    {
        if (Folder is null)
        {
            return;
        }
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-{look}.png"), FullPage = true });
    }

    /// <summary>
    /// True when the page is no wider than the screen: nothing to scroll sideways on a phone. The
    /// screen, not the window: a phone widens its window to fit a page that overflows and zooms out.
    /// </summary>
    public static Task<bool> FitsTheWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= Math.min(window.innerWidth, screen.width)");
}
