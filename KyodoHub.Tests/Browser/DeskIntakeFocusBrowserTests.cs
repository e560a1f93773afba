using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

/// <summary>The desk's intake saved with the keyboard ends on its confirmation, at every size and in both languages.</summary>
[Collection(BrowserCollection.Name)]
public class DeskIntakeFocusBrowserTests(BrowserAppFixture fixture)
{
    [Fact]
    public async Task SavingWithTheKeyboardMovesFocusToTheAnnouncedConfirmation()
    {
        var desk = await fixture.SignedInPageAsync(Roles.DeskStaff);
        try
        {
            await desk.GotoAsync("/desk/intake");
            await Assertions.Expect(desk.Locator("#session-0-date")).ToHaveValueAsync("");
            await DeskKeyboard.TakeRequestAsync(desk, $"フォーカス確認 {Guid.NewGuid():N}"[..14]);

            var focused = await desk.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement; return [e?.dataset.testid ?? '', e?.getAttribute('role') ?? '', e?.getAttribute('aria-live') ?? '', e?.textContent ?? '']; }");
            Assert.Equal("intake-saved", focused[0]);
            Assert.Equal("status", focused[1]);
            Assert.Equal("polite", focused[2]);
            Assert.Contains("受付番号", focused[3], StringComparison.Ordinal);
        }
        finally
        {
            await desk.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(PageLook.Names), MemberType = typeof(PageLook))]
    public async Task TheConfirmationFitsEverySize(string lookName)
    {
        var look = PageLook.Named(lookName);
        var desk = await fixture.SignedInPageAsync(Roles.DeskStaff, look);
        try
        {
            await desk.GotoAsync("/desk/intake");
            await Assertions.Expect(desk.Locator("form[data-live=on]")).ToHaveCountAsync(1);
            await desk.Locator("#group").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await desk.Locator("#title").FillAsync("月例ウォーキングの先導と見守り");
            await desk.Locator("#description").FillAsync("毎月第二日曜日の朝、公園を歩く会の先導と見守りをお願いします。");
            await desk.Locator("#category").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await desk.Locator("#session-0-date").FillAsync(DateTime.UtcNow.AddDays(45).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await desk.Locator("#area").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await desk.Locator("#place").FillAsync("昭和記念公園");
            await desk.Locator("#place").PressAsync("Enter");

            var saved = desk.GetByTestId("intake-saved");
            await Assertions.Expect(saved).ToBeFocusedAsync();
            await Assertions.Expect(saved).ToHaveAttributeAsync("role", "status");
            Assert.True(await Screenshots.FitsTheWidthAsync(desk));
            await Screenshots.TakeAsync(desk, "desk-intake-saved", look);
        }
        finally
        {
            await desk.Context.CloseAsync();
        }
    }
}
