using Bunit;
using KyodoHub.Core.Registrants;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Me;

[Collection(AppCollection.Name)]
public class ProfilePageTests : KyodoBunitContext
{
    private readonly AppFixture _fixture;

    public ProfilePageTests(AppFixture fixture)
    {
        _fixture = fixture;
        this.AddWorkspaceServices(fixture.App);
    }

    private async Task<(int Id, IRenderedComponent<MyProfilePage> Page)> OpenAsync()
    {
        var id = await MeTestData.NewRegistrantAsync(_fixture.App);
        this.SignInAsRegistrant(id);
        UseInteractiveServerRenderer();
        var page = Render<MyProfilePage>();
        page.WaitForElement("[data-testid=profile-form]", Patience);
        return (id, page);
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<MyProfilePage> page, string testId) => page.Find($"input[data-testid={testId}]");

    /// <summary>The message shown beside a field, found as assistive technology finds it: through aria-describedby.</summary>
    private static string MessageBeside(IRenderedComponent<MyProfilePage> page, string testId)
    {
        // The check runs when the field is left; on a database whose calls are really asynchronous the page renders a moment later.
        page.WaitForAssertion(() => Assert.Equal("true", Input(page, testId).GetAttribute("aria-invalid")), Patience);
        var input = Input(page, testId);
        return page.Find($"#{input.GetAttribute("aria-describedby")}").TextContent.Trim();
    }

    private static Task TypeAsync(IRenderedComponent<MyProfilePage> page, string testId, string value) => page.ChangeAsync($"input[data-testid={testId}]", value);

    private static Task SaveAsync(IRenderedComponent<MyProfilePage> page) => page.ClickAsync("[data-testid=save-profile]");

    [Fact]
    public async Task AnEmptyNameIsShownBesideTheNameAndNothingIsSaved()
    {
        var (id, page) = await OpenAsync();
        await TypeAsync(page, "name", "");
        Assert.Equal("「氏名」を入力してください。", MessageBeside(page, "name"));
        await SaveAsync(page);
        page.WaitForAssertion(() => Assert.Contains("入力内容を確認してください。", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal), Patience);
        Assert.StartsWith("試験", (await MeTestData.LoadAsync(_fixture.App, id)).Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutPhoneAndEmailThePhoneFieldAsksForOneOfThem()
    {
        var (_, page) = await OpenAsync();
        await TypeAsync(page, "email", "");
        await TypeAsync(page, "phone", "");
        Assert.Equal("電話番号かメールアドレスのどちらかを入力してください。", MessageBeside(page, "phone"));
        await TypeAsync(page, "email", "hanako@example.jp");
        page.WaitForAssertion(() => Assert.Equal("false", Input(page, "phone").GetAttribute("aria-invalid")), Patience);
    }

    [Fact]
    public async Task AMalformedEmailAndPhoneAreNamedBesideTheirFields()
    {
        var (_, page) = await OpenAsync();
        await TypeAsync(page, "email", "hanako.example.jp");
        await TypeAsync(page, "phone", "090-abcd");
        Assert.Equal("「メールアドレス」の形式が正しくありません。", MessageBeside(page, "email"));
        Assert.StartsWith("「電話番号」には数字と", MessageBeside(page, "phone"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HiraganaFuriganaIsSavedAsKatakana()
    {
        var (id, page) = await OpenAsync();
        await TypeAsync(page, "furigana", "やまだ　はなこ");
        page.WaitForAssertion(() => Assert.Equal("ヤマダ ハナコ", Input(page, "furigana").GetAttribute("value")), Patience);
        await SaveAsync(page);
        page.WaitForAssertion(() => Assert.Contains("プロフィールを保存しました。", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("ヤマダ ハナコ", (await MeTestData.LoadAsync(_fixture.App, id)).Furigana);
    }

    [Fact]
    public async Task FuriganaInLettersIsRefused()
    {
        var (_, page) = await OpenAsync();
        await TypeAsync(page, "furigana", "Yamada Hanako");
        Assert.Equal("「フリガナ」はカタカナかひらがなで入力してください。", MessageBeside(page, "furigana"));
    }

    [Fact]
    public async Task AtLeastOneProgrammeIsRequired()
    {
        var (_, page) = await OpenAsync();
        await page.ChangeAsync("input[data-testid=program-leader]", false);
        await page.ChangeAsync("input[data-testid=program-volunteer]", false);
        await SaveAsync(page);
        page.WaitForAssertion(() => Assert.Equal("登録する制度を1つ以上選んでください。", page.Find("#programs-error").TextContent.Trim()), Patience);
        // Without the leader programme the lecture section is gone.
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=leader]")), Patience);
    }

    [Fact]
    public async Task SavesTheWholeFormInOneChange()
    {
        var (id, page) = await OpenAsync();
        await TypeAsync(page, "name", "試験 花子");
        await TypeAsync(page, "phone", "042-000-1111");
        await SaveAsync(page);
        page.WaitForAssertion(() => Assert.Contains("プロフィールを保存しました。", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal), Patience);
        var saved = await MeTestData.LoadAsync(_fixture.App, id);
        Assert.Equal(("試験 花子", "042-000-1111", 1), (saved.Name, saved.Phone, saved.Version));
    }

    [Fact]
    public async Task AChangeMadeElsewhereMeanwhileIsReportedAndTheLatestIsShown()
    {
        var (id, page) = await OpenAsync();
        // Someone else (another tab) changes the record after the page loaded it.
        await using (var scope = ScopeAs.User(_fixture.App.Services, Roles.Registrant, registrantId: id))
        {
            var other = (await scope.ServiceProvider.GetRequiredService<MyProfileService>().GetAsync())!;
            other.Name = "別の 画面";
            await scope.ServiceProvider.GetRequiredService<MyProfileService>().SaveAsync(other);
        }
        await TypeAsync(page, "name", "この 画面");
        await SaveAsync(page);
        page.WaitForAssertion(() => Assert.Contains("ほかの画面や窓口で登録内容が変更されました", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal), Patience);
        page.WaitForAssertion(() => Assert.Equal("別の 画面", Input(page, "name").GetAttribute("value")), Patience);
        Assert.Equal("別の 画面", (await MeTestData.LoadAsync(_fixture.App, id)).Name);
    }

    [Fact]
    public async Task SpeaksEnglishWhenTheCultureIsEnglish()
    {
        UseCulture("en");
        var (_, page) = await OpenAsync();
        await TypeAsync(page, "name", " ");
        Assert.Equal("Name is required.", MessageBeside(page, "name"));
        Assert.Contains("Profile and skills", page.Find("h1").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddsAndRemovesSkillsFromTheTaxonomy()
    {
        var (id, page) = await OpenAsync();
        Assert.Empty(page.FindAll("[data-testid=skills] li"));
        var editor = page.FindComponent<SkillEditor>();
        await page.InvokeAsync(() => editor.Instance.SkillsChanged.InvokeAsync([new SkillEntry(3, Core.Skills.SkillLevel.Expert), new SkillEntry(5, Core.Skills.SkillLevel.Beginner)]));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=skills] li").Count), Patience);
        await page.ClickAsync("[data-testid=skills] li[data-tag-id='5'] button");
        await SaveAsync(page);
        page.WaitForAssertion(() => Assert.Contains("プロフィールを保存しました。", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal([new RegistrantSkill(3, Core.Skills.SkillLevel.Expert)], (await MeTestData.LoadAsync(_fixture.App, id)).Skills);
    }
}
