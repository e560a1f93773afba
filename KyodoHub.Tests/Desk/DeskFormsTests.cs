using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Desk;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Desk;

[Collection(AppCollection.Name)]
public class DeskFormsTests : KyodoBunitContext
{
    public DeskFormsTests(AppFixture fixture)
    {
        this.AddAppServices(fixture.App);
        AddAuthorization().SetAuthorized("desk@kyodohub.example").SetRoles(Roles.DeskStaff);
        UseInteractiveServerRenderer();
    }


    [Fact]
    public async Task AnEmptyIntakeNamesEveryMissingFieldAndSavesNothing()
    {
        var page = Render<DeskIntakePage>();
        page.WaitForElement("form", Patience);
        await page.SubmitAsync();
        Assert.Equal("「団体」を入力してください。", page.WaitForElement("#group-error", Patience).TextContent);
        Assert.Equal("「依頼名」を入力してください。", page.Find("#title-error").TextContent);
        Assert.Equal("「依頼内容」を入力してください。", page.Find("#description-error").TextContent);
        Assert.Equal("「分野」を入力してください。", page.Find("#category-error").TextContent);
        Assert.Equal("「地域」を入力してください。", page.Find("#area-error").TextContent);
        Assert.Equal("「場所」を入力してください。", page.Find("#place-error").TextContent);
        Assert.Empty(page.FindAll("[data-testid=intake-saved]"));
    }

    [Fact]
    public async Task ANewGroupNeedsAPhoneOrAnEmail()
    {
        var page = Render<DeskIntakePage>();
        page.WaitForElement("form", Patience);
        await page.ChangeAsync("#group-new", true);
        await page.ChangeAsync("#group-name", "柴崎町テスト自治会");
        await page.ChangeAsync("#group-contact", "立川 一郎");
        await page.SubmitAsync();
        Assert.Equal("電話番号かメールアドレスのどちらかを入力してください。", page.WaitForElement("#group-phone-error", Patience).TextContent);
    }

    [Fact]
    public async Task ASessionEndingBeforeItStartsIsMarked()
    {
        var page = Render<DeskIntakePage>();
        page.WaitForElement("form", Patience);
        await page.ChangeAsync("#session-0-start", "15:00");
        await page.ChangeAsync("#session-0-end", "14:00");
        await page.SubmitAsync();
        Assert.Equal("「終了時刻」は開始より後にしてください。", page.WaitForElement("#session-0-end-error", Patience).TextContent);
    }

    [Fact]
    public async Task RegistrationNeedsConsentAndAKanaReading()
    {
        var page = Render<RegistrationPage>();
        page.WaitForElement("form", Patience);
        await page.ChangeAsync("#reg-name", "山田 花子");
        await page.ChangeAsync("#reg-furigana", "Yamada Hanako");
        await page.ChangeAsync("#reg-phone", "090-1234-5678");
        await page.ChangeAsync("#reg-area", "7");
        await page.SubmitAsync();
        Assert.Equal("「フリガナ」はカタカナかひらがなで入力してください。", page.WaitForElement("#reg-furigana-error", Patience).TextContent);
        Assert.Equal("登録には、利用目的への本人の同意が必要です。", page.Find("#reg-consent-error").TextContent);
        Assert.Empty(page.FindAll("[data-testid=registration-saved]"));
    }

    [Fact]
    public async Task ARegistrationWithConsentIsSavedAndTheFormCleared()
    {
        var page = Render<RegistrationPage>();
        page.WaitForElement("form", Patience);
        await page.ChangeAsync("#reg-name", "山田 花子");
        await page.ChangeAsync("#reg-furigana", "やまだ はなこ");
        await page.ChangeAsync("#reg-phone", "090-1234-5678");
        await page.ChangeAsync("#reg-area", "7");
        await page.ChangeAsync("#reg-consent", true);
        await page.SubmitAsync();
        page.WaitForElement("[data-testid=registration-saved]", Patience);
        Assert.Equal("", page.Find("#reg-name").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task AConsultationNeedsWhoWhatAndTheOutcome()
    {
        var form = Render<ConsultationForm>();
        await form.SubmitAsync();
        Assert.Equal("「相談者名」を入力してください。", form.WaitForElement("#c-visitor-error", Patience).TextContent);
        Assert.Equal("「相談内容」を入力してください。", form.Find("#c-topic-error").TextContent);
        Assert.Equal("「対応結果」を入力してください。", form.Find("#c-outcome-error").TextContent);
    }

    [Fact]
    public async Task AFollowUpDateInThePastIsRefused()
    {
        var form = Render<ConsultationForm>();
        await form.ChangeAsync("#c-visitor", "立川 一郎");
        await form.ChangeAsync("#c-topic", "講師を探している");
        await form.ChangeAsync("#c-outcome", "候補を紹介した");
        await form.ChangeAsync("#c-followup", "2020-01-01");
        await form.SubmitAsync();
        Assert.Equal("「次回対応日」に過去の日付は指定できません。", form.WaitForElement("#c-followup-error", Patience).TextContent);
    }
}
