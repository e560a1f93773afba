using Bunit;
using KyodoHub.Core.Skills;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Tests.Me;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Features.Desk;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KyodoHub.Tests.Desk;

/// <summary>Desk staff take a caller's changes to skills, languages and availability on the registrant's page.</summary>
[Collection(AppCollection.Name)]
public class RegistrantStaffEditPageTests : KyodoBunitContext
{
    private readonly KyodoAppFactory _app;

    public RegistrantStaffEditPageTests(AppFixture fixture)
    {
        _app = fixture.App;
        this.AddStaffPageServices(_app);
        this.SignInAsDeskStaff();
        UseInteractiveServerRenderer();
    }

    private async Task<(int Id, IRenderedComponent<RegistrantPage> Page)> OpenAsync(string editButton)
    {
        var id = await MeTestData.NewRegistrantAsync(_app);
        var page = Render<RegistrantPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement($"[data-testid={editButton}]", Patience);
        await page.ClickAsync($"[data-testid={editButton}]");
        return (id, page);
    }

    private static string History(IRenderedComponent<RegistrantPage> page) => page.Find("[data-testid=section-history]").TextContent;

    [Fact]
    public async Task StaffAddASkillForACallerAndThePageTheRecordAndTheHistoryShowIt()
    {
        this.AuditAsSignedInUser();
        var (id, page) = await OpenAsync("edit-skills");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindComponents<SkillEditor>()), Patience);
        var editor = page.FindComponent<SkillEditor>();
        await page.InvokeAsync(() => editor.Instance.SkillsChanged.InvokeAsync([new SkillEntry(3, SkillLevel.Beginner)]));
        await page.ClickAsync("[data-testid=save-skills]");

        await using var db = await DeskPagesTestData.Db(_app);
        var tag = await db.SkillTags.AsNoTracking().SingleAsync(t => t.Id == 3);
        page.WaitForAssertion(() => Assert.Contains($"{tag.NameJa}（初級）", page.Find("[data-testid=section-profile]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Contains("スキル・言語を保存しました。", page.Find("[data-testid=registrant-message]").TextContent, StringComparison.Ordinal);
        Assert.Equal([new Core.Registrants.RegistrantSkill(3, SkillLevel.Beginner)], (await MeTestData.LoadAsync(_app, id)).Skills);
        // The change is the desk's, named by its label: the skills, and nothing else.
        var update = page.FindAll("[data-testid=section-history] li").First(li => li.GetAttribute("data-action") == AuditTrail.Update);
        Assert.Contains("desk@kyodohub.example", update.TextContent, StringComparison.Ordinal);
        Assert.Equal("スキル", update.QuerySelector("[data-testid=history-detail]")!.TextContent);
        Assert.Contains("スキル・言語の変更", History(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffTakeATuesdayOffTheWeekForACallerAndThePageTheRecordAndTheHistoryShowIt()
    {
        this.AuditAsSignedInUser();
        var (id, page) = await OpenAsync("edit-availability");
        page.WaitForElement("[data-testid=availability-editor]", Patience);
        Assert.True(page.Find("[data-testid=save-weekly]").HasAttribute("disabled"));
        await page.ClickAsync("td[aria-label='火曜 9:00–10:00 空いている']");
        await page.ClickAsync("[data-testid=save-weekly]");

        page.WaitForAssertion(() => Assert.Contains("火 10:00–17:00", page.Find("[data-testid=section-availability]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Contains("毎週の活動できる時間を保存しました。", page.Find("[data-testid=registrant-message]").TextContent, StringComparison.Ordinal);
        var tuesday = (await MeTestData.LoadAsync(_app, id)).WeeklyAvailability.Single(w => w.Day == DayOfWeek.Tuesday);
        Assert.Equal((10 * 60, 17 * 60), (tuesday.StartMinute, tuesday.EndMinute));
        Assert.Contains("毎週の活動できる時間の変更", History(page), StringComparison.Ordinal);
        Assert.Contains("毎週の活動できる時間", page.FindAll("[data-testid=history-detail]")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovingEveryLanguageIsNamedAtTheFieldAndNothingIsSaved()
    {
        var (id, page) = await OpenAsync("edit-skills");
        page.WaitForElement("[data-testid=staff-languages]", Patience);
        var languages = page.FindComponent<RegistrantSkillsEditor>().FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => languages.Instance.SelectedValuesChanged.InvokeAsync([]));
        await page.ClickAsync("[data-testid=save-skills]");

        page.WaitForAssertion(() => Assert.Contains("対応できる言語を1つ以上選んでください。", page.Find("[data-testid=skills-editor]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(page.FindAll("[data-testid=registrant-message]"));
        Assert.Equal(["ja"], (await MeTestData.LoadAsync(_app, id)).Languages);
    }

    [Fact]
    public async Task AChangeMadeElsewhereSinceThePageOpenedIsSaidAndNothingOfTheDesksIsSaved()
    {
        var (id, page) = await OpenAsync("edit-availability");
        page.WaitForElement("[data-testid=availability-editor]", Patience);
        await page.ClickAsync("td[aria-label='火曜 9:00–10:00 空いている']");
        await using (var scope = ScopeAs.User(_app.Services, Roles.Registrant, registrantId: id))
        {
            var own = scope.ServiceProvider.GetRequiredService<MyAvailabilityService>();
            var view = (await own.GetAsync())!;
            await own.SetMonthlyCapAsync(view.Key, 2);
        }
        await page.ClickAsync("[data-testid=save-weekly]");

        page.WaitForAssertion(() => Assert.Contains("他の人が先にこの登録者の情報を変更しました。何も保存していません。", page.Find("[data-testid=registrant-message]").TextContent, StringComparison.Ordinal), Patience);
        var saved = await MeTestData.LoadAsync(_app, id);
        Assert.Equal(2, saved.MonthlyCap);
        Assert.Equal(9 * 60, saved.WeeklyAvailability.Single(w => w.Day == DayOfWeek.Tuesday).StartMinute);
        Assert.Contains("月2回まで", page.Find("[data-testid=section-availability]").TextContent, StringComparison.Ordinal);
    }
}
