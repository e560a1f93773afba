using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Features.Desk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Desk;

/// <summary>The desk's search leads to a staff page per registrant, which keeps contact details behind an audited click.</summary>
[Collection(AppCollection.Name)]
public class RegistrantPageTests : KyodoBunitContext
{
    private readonly KyodoAppFactory _app;

    public RegistrantPageTests(AppFixture fixture)
    {
        _app = fixture.App;
        this.AddStaffPageServices(_app);
        this.SignInAsDeskStaff();
        UseInteractiveServerRenderer();
    }

    [Fact]
    public async Task SearchResultsLinkToTheRegistrantsPageAndShowNoPhoneOrEmail()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(_app);
        var page = Render<RegistrantSearchPage>();
        page.WaitForElement("#q", Patience);
        await page.ChangeAsync("#q", person.Name);
        await page.SubmitAsync();

        var link = page.WaitForElement($"a[href='/desk/registrants/{person.Id}']", Patience);
        Assert.Equal(person.Name, link.TextContent);
        var results = page.Find("[data-testid=search-results]").TextContent;
        Assert.DoesNotContain(person.Phone, results, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Email, results, StringComparison.Ordinal);
        Assert.DoesNotContain("電話", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageShowsEverySectionWithoutContactDetails()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(_app);
        var page = Render<RegistrantPage>(p => p.Add(x => x.Id, person.Id));

        page.WaitForAssertion(() => Assert.Equal(person.Name, page.Find("[data-testid=registrant-name]").TextContent), Patience);
        Assert.Contains("シケン ジロウ", page.Find("[data-testid=section-profile]").TextContent, StringComparison.Ordinal);
        Assert.Contains("生涯学習市民リーダー", page.Find("[data-testid=section-programmes]").TextContent, StringComparison.Ordinal);
        Assert.Contains("9:00–17:00", page.Find("[data-testid=section-availability]").TextContent, StringComparison.Ordinal);
        Assert.Contains(person.ConfirmedTitle, page.Find("[data-testid=section-activities]").TextContent, StringComparison.Ordinal);
        Assert.Contains("活動の相談", page.Find("[data-testid=section-consultations]").TextContent, StringComparison.Ordinal);
        Assert.Single(page.FindAll($"[data-testid=section-offers] [data-offer-id]"));
        Assert.NotNull(page.Find("[data-testid=section-history]"));
        Assert.DoesNotContain(person.Phone, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Email, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowingTheContactRevealsThatOnePersonAndWritesItToTheAuditLog()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(_app);
        var key = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var page = Render<RegistrantPage>(p => p.Add(x => x.Id, person.Id));
        page.WaitForElement("[data-testid=registrant-contact] button", Patience);
        Assert.Equal("連絡先を表示", page.Find("[data-testid=registrant-contact] button").TextContent.Trim());

        await page.ClickAsync("[data-testid=registrant-contact] button");

        var shown = page.WaitForElement("[data-testid=contact-details]", Patience);
        Assert.Contains(person.Phone, shown.TextContent, StringComparison.Ordinal);
        Assert.Contains(person.Email, shown.TextContent, StringComparison.Ordinal);
        await using var db = await DeskPagesTestData.Db(_app);
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditLog.ViewContact && e.EntityType == "Registrant" && e.EntityId == key);
        Assert.Equal(("desk@kyodohub.example", "desk-user-id"), (entry.UserName, entry.UserId));
    }

    private async Task<(DeskPagesTestData.Person, IRenderedComponent<RegistrantPage>)> OpenEditorAsync()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(_app);
        var page = Render<RegistrantPage>(p => p.Add(x => x.Id, person.Id));
        page.WaitForElement("[data-testid=edit-registrant]", Patience);
        await page.ClickAsync("[data-testid=edit-registrant]");
        page.WaitForElement("#edit-name", Patience);
        return (person, page);
    }

    [Fact]
    public async Task EditingTheProfileSavesItAndSaysSo()
    {
        var (person, page) = await OpenEditorAsync();
        await page.ChangeAsync("#edit-name", "窓口 変更子");
        await page.ChangeAsync("#edit-cap", "3");
        await page.SubmitAsync("[data-testid=registrant-form]");

        page.WaitForAssertion(() => Assert.Equal("窓口 変更子 さんのプロフィールを保存しました。", page.Find("[data-testid=registrant-message]").TextContent), Patience);
        Assert.Equal("窓口 変更子", page.Find("[data-testid=registrant-name]").TextContent);
        Assert.Contains("月3回まで", page.Find("[data-testid=section-availability]").TextContent, StringComparison.Ordinal);
        await using var db = await DeskPagesTestData.Db(_app);
        var saved = await db.Registrants.AsNoTracking().SingleAsync(r => r.Id == person.Id);
        Assert.Equal(("窓口 変更子", 3), (saved.Name, saved.MonthlyCap));
    }

    [Fact]
    public async Task TheChangeHistoryNamesTheChangedFieldsByTheirLabels()
    {
        this.AuditAsSignedInUser();
        var (_, page) = await OpenEditorAsync();
        // A new registrant's cap is 4: 5 is a real change.
        await page.ChangeAsync("#edit-cap", "5");
        await page.SubmitAsync("[data-testid=registrant-form]");

        // Only the cap changed, so only the cap is named: not the name, the area or anything else the form holds.
        page.WaitForAssertion(() => Assert.Equal("1か月の活動上限（回）", page.FindAll("[data-testid=history-detail]")[0].TextContent), Patience);
        Assert.DoesNotContain("MonthlyCap", page.Find("[data-testid=section-history]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUpdatesChangedFieldsReadAsLabelsInEachLanguage()
    {
        var localizer = Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<KyodoHub.Web.Localization.SharedResource>>();
        string? Detail(string culture)
        {
            UseCulture(culture);
            return AuditText.Detail(localizer, AuditTrail.Update, "Registrant", "Name,Languages,MonthlyCap");
        }
        Assert.Equal("Name, Languages you can work in, Activities per month at most", Detail("en-GB"));
        Assert.Equal("氏名、対応できる言語、1か月の活動上限（回）", Detail("ja-JP"));
        // Other details, such as a reason, are shown as they were written.
        Assert.Equal("本人の希望", AuditText.Detail(localizer, "Cancel", "Registrant", "本人の希望"));
    }

    [Fact]
    public async Task AnEmptyNameIsNamedAndNothingIsSaved()
    {
        var (person, page) = await OpenEditorAsync();
        await page.ChangeAsync("#edit-name", " ");
        await page.SubmitAsync("[data-testid=registrant-form]");

        page.WaitForAssertion(() => Assert.Equal("「氏名」を入力してください。", page.Find("#edit-name-error").TextContent), Patience);
        await using var db = await DeskPagesTestData.Db(_app);
        Assert.Equal(person.Name, (await db.Registrants.AsNoTracking().SingleAsync(r => r.Id == person.Id)).Name);
    }

    [Fact]
    public void AnUnknownRegistrantIsSaidToBeMissing()
    {
        var page = Render<RegistrantPage>(p => p.Add(x => x.Id, int.MaxValue));
        page.WaitForElement("[data-testid=registrant-not-found]", Patience);
    }
}
