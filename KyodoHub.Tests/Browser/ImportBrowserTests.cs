using System.Text;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Features.Imports;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
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

    [Fact]
    public async Task WhileAnImportIsSavingAnotherCoordinatorsDashboardLoadsAndShowsItsRequests()
    {
        const int rows = 3_000;
        var tag = Guid.NewGuid().ToString("N")[..8];
        // The import stops in its second batch, rows saved and rows to come, until the test lets it go.
        var held = new HeldCommandInterceptor(command => HeldCommandInterceptor.Carries(command, "応答 1500"));
        await using var app = new KyodoAppFactory
        {
            TestServices = services => services.AddScoped(sp => new ImportService(
                new InterceptedContextFactory(sp, held), sp.GetRequiredService<CurrentUser>(), sp.GetRequiredService<AuditLog>(),
                sp.GetRequiredService<IStringLocalizer<SharedResource>>(), sp.GetRequiredService<TimeProvider>())),
        };
        app.Start();
        var importing = await fixture.BrowserFixture.SignedInPageAsync(app, Roles.Coordinator);
        var other = await fixture.BrowserFixture.SignedInPageAsync(app, Roles.Coordinator);
        try
        {
            await importing.GotoAsync("/imports");
            await Assertions.Expect(importing.Locator("[data-testid=import-form][data-live=on]")).ToHaveCountAsync(1);
            await importing.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "registrants.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Csv(rows, tag)) });
            await Assertions.Expect(importing.GetByTestId("import-summary")).ToContainTextAsync($"{rows}行を読み込みました。問題：0件");
            await importing.GetByRole(AriaRole.Button, new() { Name = $"{rows}件をすべて取り込む" }).ClickAsync();
            await held.Reached;
            await Assertions.Expect(importing.GetByTestId("import-progress")).ToContainTextAsync("保存：1,000行");

            await other.ReloadAsync();
            await Assertions.Expect(other.Locator("[data-testid=request-list][data-live=on]")).ToHaveCountAsync(1);
            await Assertions.Expect(other.Locator("[data-testid=request-list] .kh-card").First).ToBeVisibleAsync();
            // The count buttons answer on the other circuit.
            var open = other.Locator(".kh-state-count").First;
            await open.ClickAsync();
            await Assertions.Expect(open).ToHaveAttributeAsync("aria-pressed", "true");
            // All the while the import is still under way.
            await Assertions.Expect(importing.GetByTestId("import-progress")).ToContainTextAsync("保存：1,000行");

            held.Release();
            await Assertions.Expect(importing.GetByRole(AriaRole.Status).Filter(new() { HasText = $"{rows}件を取り込みました。" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }
        finally
        {
            held.Release();
            await importing.Context.CloseAsync();
            await other.Context.CloseAsync();
        }
    }

    private static string Csv(int rows, string tag)
    {
        var csv = new StringBuilder("氏名,フリガナ,メールアドレス,地域,制度\r\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"応答 {i},オウトウ,answer-{tag}-{i}@example.jp,曙町,ちょこっとボランティア\r\n");
        }
        return csv.ToString();
    }
}
