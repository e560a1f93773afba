using Bunit;
using KyodoHub.Core.Registrants;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Me;

[Collection(AppCollection.Name)]
public class AvailabilityPageTests : KyodoBunitContext
{
    private readonly AppFixture _fixture;

    public AvailabilityPageTests(AppFixture fixture)
    {
        _fixture = fixture;
        this.AddWorkspaceServices(fixture.App);
    }

    private async Task<(int Id, IRenderedComponent<MyAvailabilityPage> Page)> OpenAsync()
    {
        var id = await MeTestData.NewRegistrantAsync(_fixture.App);
        this.SignInAsRegistrant(id);
        UseInteractiveServerRenderer();
        var page = Render<MyAvailabilityPage>();
        page.WaitForElement("[data-testid=weekly]", Patience);
        return (id, page);
    }

    private static string Message(IRenderedComponent<MyAvailabilityPage> page) => page.Find("[data-testid=message]").TextContent;

    [Fact]
    public async Task SavesTheCellsToggledInTheGrid()
    {
        var (id, page) = await OpenAsync();
        Assert.True(page.Find("[data-testid=save-weekly]").HasAttribute("disabled"));
        await page.ClickAsync("td[aria-label='月曜 9:00–10:00 空いている']");
        await page.KeyDownAsync("td[aria-label='月曜 17:00–18:00 空いていない']", Key.Space);
        Assert.NotEmpty(page.FindAll("[data-testid=unsaved]"));

        await page.ClickAsync("[data-testid=save-weekly]");
        page.WaitForAssertion(() => Assert.Contains("毎週の活動できる時間を保存しました。", Message(page), StringComparison.Ordinal), Patience);
        Assert.Empty(page.FindAll("[data-testid=unsaved]"));
        var monday = (await MeTestData.LoadAsync(_fixture.App, id)).WeeklyAvailability.Where(w => w.Day == DayOfWeek.Monday);
        Assert.Equal([new AvailabilityWindow(DayOfWeek.Monday, 600, 1080)], monday);
    }

    [Fact]
    public async Task UndoPutsTheGridBackAsSaved()
    {
        var (_, page) = await OpenAsync();
        await page.ClickAsync("td[aria-label='火曜 9:00–10:00 空いている']");
        await page.ActAsync(p => p.FindAll("button").Single(b => b.TextContent.Contains("変更を取り消す", StringComparison.Ordinal)), b => b.Click());
        Assert.NotNull(page.Find("td[aria-label='火曜 9:00–10:00 空いている']"));
        Assert.Empty(page.FindAll("[data-testid=unsaved]"));
    }

    [Fact]
    public async Task AddsAndRemovesADatedExceptionAtOnce()
    {
        var (id, page) = await OpenAsync();
        var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        await page.ChangeAsync("input[data-testid=exception-date]", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.SubmitAsync("[data-testid=exception-form]");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=exceptions] li")), Patience);
        Assert.Equal([new AvailabilityException(date, ExceptionKind.Unavailable)], (await MeTestData.LoadAsync(_fixture.App, id)).AvailabilityExceptions);

        await page.ClickAsync("[data-testid=exceptions] li button");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-exceptions]")), Patience);
        Assert.Empty((await MeTestData.LoadAsync(_fixture.App, id)).AvailabilityExceptions);
    }

    [Fact]
    public async Task SavesTheMonthlyCapAndPausesAndResumes()
    {
        var (id, page) = await OpenAsync();
        await page.ChangeAsync("input[data-testid=cap-input]", "3");
        await page.SubmitAsync("[data-testid=cap-form]");
        page.WaitForAssertion(() => Assert.Contains("上限を月3回にしました。", Message(page), StringComparison.Ordinal), Patience);
        Assert.Equal(3, (await MeTestData.LoadAsync(_fixture.App, id)).MonthlyCap);

        await page.ClickAsync("[data-testid=pause]");
        await page.ClickAsync("[data-testid=confirm-pause]");
        page.WaitForAssertion(() => Assert.Equal("Paused", page.Find("[data-testid=pause-card]").GetAttribute("data-status")), Patience);
        Assert.Equal(RegistrantStatus.Paused, (await MeTestData.LoadAsync(_fixture.App, id)).Status);

        await page.ClickAsync("[data-testid=resume]");
        page.WaitForAssertion(() => Assert.Equal("Active", page.Find("[data-testid=pause-card]").GetAttribute("data-status")), Patience);
        Assert.Equal(RegistrantStatus.Active, (await MeTestData.LoadAsync(_fixture.App, id)).Status);
    }

    [Fact]
    public async Task AChangeMadeElsewhereIsReportedAndNothingIsOverwritten()
    {
        var (id, page) = await OpenAsync();
        await using (var scope = ScopeAs.User(_fixture.App.Services, Roles.Registrant, registrantId: id))
        {
            var service = scope.ServiceProvider.GetRequiredService<MyAvailabilityService>();
            await service.SetMonthlyCapAsync((await service.GetAsync())!.Key, 5);
        }
        await page.ClickAsync("td[aria-label='水曜 9:00–10:00 空いている']");
        await page.ClickAsync("[data-testid=save-weekly]");
        page.WaitForAssertion(() => Assert.Contains("ほかの画面や窓口で登録内容が変更されました", Message(page), StringComparison.Ordinal), Patience);
        var saved = await MeTestData.LoadAsync(_fixture.App, id);
        Assert.Contains(new AvailabilityWindow(DayOfWeek.Wednesday, 540, 1020), saved.WeeklyAvailability);
        Assert.Equal(5, saved.MonthlyCap);
        // The page now shows what is saved, and saving again works.
        page.WaitForAssertion(() => Assert.Equal("5", page.Find("input[data-testid=cap-input]").GetAttribute("value")), Patience);
        Assert.NotNull(page.Find("td[aria-label='水曜 9:00–10:00 空いている']"));
    }
}
