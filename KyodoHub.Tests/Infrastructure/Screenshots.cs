using Microsoft.Playwright;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>Full-page screenshots for a person to look at, in KYODO_SHOTS (or the temp folder).</summary>
internal static class Screenshots
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("KYODO_SHOTS") is { Length: > 0 } set ? set : null;

    /// <summary>Whether someone asked for screenshots (KYODO_SHOTS is set), for tests that take many.</summary>
    public static bool Asked => Folder is not null;

    public static Task TakeAsync(IPage page, string name, PageLook look)
    {
        var folder = Folder ?? Path.Combine(Path.GetTempPath(), "kyodo-shots");
        Directory.CreateDirectory(folder);
        return page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{look}.png"), FullPage = true });
    }

    /// <summary>True when the page is no wider than its viewport: nothing to scroll sideways on a phone.</summary>
    public static Task<bool> FitsTheWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth");
}
