using System.Text;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Playwright;

namespace KyodoHub.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ImportBrowserTests(BrowserAppFixture fixture)
{
    private const int Rows = 5_000;

    [Fact]
    public async Task AnImportShowsRowsCheckedAndSavedWhileItRuns()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("氏名,フリガナ,メールアドレス,地域,制度,スキル,空き時間\r\n");
        for (var i = 0; i < Rows; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"進捗 {i},シンチョク,progress-{tag}-{i}@example.jp,曙町,ちょこっとボランティア,将棋・囲碁,月 9:00-12:00\r\n");
        }
        var page = await fixture.SignedInPageAsync(Roles.Coordinator);
        try
        {
            await page.GotoAsync("/imports");
            await Assertions.Expect(page.Locator("[data-testid=import-form][data-live=on]")).ToHaveCountAsync(1);
            // Keep every text the progress shows, however briefly it stays.
            await page.EvaluateAsync("""
                () => {
                    window.khProgress = [];
                    new MutationObserver(() => {
                        const p = document.querySelector('[data-testid=import-progress]');
                        if (p) window.khProgress.push(p.textContent.trim());
                    }).observe(document.body, { childList: true, subtree: true, characterData: true });
                }
                """);
            await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "registrants.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
            await Assertions.Expect(page.GetByTestId("import-summary")).ToContainTextAsync($"{Rows}行を読み込みました。問題：0件");

            await page.GetByRole(AriaRole.Button, new() { Name = $"{Rows}件をすべて取り込む" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{Rows}件を取り込みました。" })).ToBeVisibleAsync(new() { Timeout = 60_000 });

            var seen = await page.EvaluateAsync<string[]>("() => window.khProgress");
            Assert.Contains(seen, t => t.StartsWith("確認：", StringComparison.Ordinal));
            // Seen before the end: some rows still to check or to save.
            Assert.Contains(seen, t => !t.EndsWith($"保存：{Rows:N0}行", StringComparison.Ordinal));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
