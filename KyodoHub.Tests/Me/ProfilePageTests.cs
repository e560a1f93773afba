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

    private static void Submit(IRenderedComponent<MyProfilePage> page) => page.Find("[data-testid=save-profile]").Click();

    [Fact]
    public async Task AnEmptyNameIsShownBesideTheNameAndNothingIsSaved()
    {
        var (id, page) = await OpenAsync();
        Input(page, "name").Change("");
        Assert.Equal("「氏名」を入力してください。", MessageBeside(page, "name"));
        Submit(page);
        page.WaitForAssertion(() => Assert.Contains("入力内容を確認してください。", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal), Patience);
        Assert.StartsWith("試験", (await MeTestData.LoadAsync(_fixture.App, id)).Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutPhoneAndEmailThePhoneFieldAsksForOneOfThem()
    {
        var (_, page) = await OpenAsync();
        Input(page, "email").Change("");
        Input(page, "phone").Change("");
        Assert.Equal("電話番号かメールアドレスのどちらかを入力してください。", MessageBeside(page, "phone"));
        Input(page, "email").Change("hanako@example.jp");
        Assert.Equal("false", Input(page, "phone").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task AMalformedEmailAndPhoneAreNamedBesideTheirFields()
    {
        var (_, page) = await OpenAsync();
        Input(page, "email").Change("hanako.example.jp");
        Input(page, "phone").Change("090-abcd");
        Assert.Equal("「メールアドレス」の形式が正しくありません。", MessageBeside(page, "email"));
        Assert.StartsWith("「電話番号」には数字と", MessageBeside(page, "phone"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HiraganaFuriganaIsSavedAsKatakana()
    {
        var (id, page) = await OpenAsync();
        Input(page, "furigana").Change("やまだ　はなこ");
        page.WaitForAssertion(() => Assert.Equal("ヤマダ ハナコ", Input(page, "furigana").GetAttribute("value")), Patience);
        Submit(page);
        page.WaitForAssertion(() => Assert.Contains("プロフィールを保存しました。", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("ヤマダ ハナコ", (await MeTestData.LoadAsync(_fixture.App, id)).Furigana);
    }

    [Fact]
    public async Task FuriganaInLettersIsRefused()
    {
        var (_, page) = await OpenAsync();
        Input(page, "furigana").Change("Yamada Hanako");
        Assert.Equal("「フリガナ」はカタカナかひらがなで入力してください。", MessageBeside(page, "furigana"));
    }

    [Fact]
    public async Task AtLeastOneProgrammeIsRequired()
    {
        var (_, page) = await OpenAsync();
        page.Find("input[data-testid=program-leader]").Change(false);
        page.Find("input[data-testid=program-volunteer]").Change(false);
        Submit(page);
        page.WaitForAssertion(() => Assert.Equal("登録する制度を1つ以上選んでください。", page.Find("#programs-error").TextContent.Trim()), Patience);
        // Without the leader programme the lecture section is gone.
        Assert.Empty(page.FindAll("[data-testid=leader]"));
    }

    [Fact]
    public async Task SavesTheWholeFormInOneChange()
    {
        var (id, page) = await OpenAsync();
        Input(page, "name").Change("試験 花子");
        Input(page, "phone").Change("042-000-1111");
        Submit(page);
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
        Input(page, "name").Change("この 画面");
        Submit(page);
        page.WaitForAssertion(() => Assert.Contains("ほかの画面や窓口で登録内容が変更されました", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("別の 画面", Input(page, "name").GetAttribute("value"));
        Assert.Equal("別の 画面", (await MeTestData.LoadAsync(_fixture.App, id)).Name);
    }

    [Fact]
    public async Task SpeaksEnglishWhenTheCultureIsEnglish()
    {
        UseCulture("en");
        var (_, page) = await OpenAsync();
        Input(page, "name").Change(" ");
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
        Assert.Equal(2, page.FindAll("[data-testid=skills] li").Count);
        page.Find("[data-testid=skills] li[data-tag-id='5'] button").Click();
        Submit(page);
        page.WaitForAssertion(() => Assert.Contains("プロフィールを保存しました。", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal([new RegistrantSkill(3, Core.Skills.SkillLevel.Expert)], (await MeTestData.LoadAsync(_fixture.App, id)).Skills);
    }
}
