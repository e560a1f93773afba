using Microsoft.Playwright;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// The README's walk-through pictures: written to the folder in KYODO_README_SHOTS when it is set
/// (nothing otherwise), one PNG per step, so that they show today's pages.
/// </summary>
internal static class ReadmeScreenshots
{
    /// <summary>The viewport as the user sees it, or the whole page when <paramref name="fullPage"/> (a form read top to bottom).</summary>
    public static async Task TakeAsync(IPage page, string name, bool fullPage = false)
    {
        if (Environment.GetEnvironmentVariable("KYODO_README_SHOTS") is not { Length: > 0 } folder)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        // Japanese glyphs drawn in the page font, not a fallback, before the picture is taken.
        await page.EvaluateAsync("() => document.fonts.ready");
        var viewport = page.ViewportSize!;
        if (fullPage)
        {
            // A viewport as tall as the page, so that the fixed app bar and menu frame it as on screen.
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            var height = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollHeight");
            await page.SetViewportSizeAsync(viewport.Width, height);
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });
        await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
    }
}
