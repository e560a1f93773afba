using Microsoft.Playwright;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>Desk staff taking a phone request on the intake page with the keyboard alone.</summary>
internal static class DeskKeyboard
{
    /// <summary>Fills and saves the intake form on an open <c>/desk/intake</c> page, and waits for the confirmation.</summary>
    public static async Task TakeRequestAsync(IPage desk, string title)
    {
        await Assertions.Expect(desk.Locator("form[data-live=on]")).ToHaveCountAsync(1);
        await TabToAsync(desk, "group");
        await desk.Keyboard.PressAsync("ArrowDown");
        await TabToAsync(desk, "title");
        await desk.Keyboard.TypeAsync(title);
        await TabToAsync(desk, "description");
        await desk.Keyboard.TypeAsync("電話での依頼。夏祭りの受付を手伝ってほしい。");
        await TabToAsync(desk, "category");
        await desk.Keyboard.PressAsync("ArrowDown");
        // The session date starts empty: the caller says when.
        await TabToAsync(desk, "session-0-date");
        await TypeDateAsync(desk, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(30));
        await TabToAsync(desk, "place");
        await desk.Keyboard.TypeAsync("自治会集会所");
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.GetByTestId("intake-saved")).ToBeVisibleAsync();
    }

    /// <summary>Types a date into a focused date input as a Japanese user does: year, month, day.</summary>
    public static async Task TypeDateAsync(IPage page, DateOnly date)
    {
        await page.Keyboard.TypeAsync(date.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.TypeAsync(date.Month.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        await page.Keyboard.TypeAsync(date.Day.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Presses Tab (Shift+Tab backwards is never needed here) until the element with this id has focus.</summary>
    private static Task TabToAsync(IPage page, string id) => TabToSelectorAsync(page, $"#{id}");

    /// <summary>Presses Tab until the focused element matches the CSS selector.</summary>
    public static async Task TabToSelectorAsync(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}");
    }
}
