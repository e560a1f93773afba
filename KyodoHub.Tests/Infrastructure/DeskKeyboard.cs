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
        await TabToAsync(desk, "place");
        await desk.Keyboard.TypeAsync("自治会集会所");
        await desk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(desk.GetByTestId("intake-saved")).ToBeVisibleAsync();
    }

    /// <summary>Presses Tab (Shift+Tab backwards is never needed here) until the element has focus.</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id)
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached #{id}");
    }
}
