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
    public void AnEmptyIntakeNamesEveryMissingFieldAndSavesNothing()
    {
        var page = Render<DeskIntakePage>();
        page.WaitForElement("form", Patience);
        page.Find("form").Submit();
        Assert.Equal("「団体」を入力してください。", page.WaitForElement("#group-error", Patience).TextContent);
        Assert.Equal("「依頼名」を入力してください。", page.Find("#title-error").TextContent);
        Assert.Equal("「依頼内容」を入力してください。", page.Find("#description-error").TextContent);
        Assert.Equal("「分野」を入力してください。", page.Find("#category-error").TextContent);
        Assert.Equal("「地域」を入力してください。", page.Find("#area-error").TextContent);
        Assert.Equal("「場所」を入力してください。", page.Find("#place-error").TextContent);
        Assert.Empty(page.FindAll("[data-testid=intake-saved]"));
    }

    [Fact]
    public void ANewGroupNeedsAPhoneOrAnEmail()
    {
        var page = Render<DeskIntakePage>();
        page.WaitForElement("form", Patience);
        page.Find("#group-new").Change(true);
        page.WaitForElement("#group-name", Patience).Change("柴崎町テスト自治会");
        page.Find("#group-contact").Change("立川 一郎");
        page.Find("form").Submit();
        Assert.Equal("電話番号かメールアドレスのどちらかを入力してください。", page.WaitForElement("#group-phone-error", Patience).TextContent);
    }

    [Fact]
    public void ASessionEndingBeforeItStartsIsMarked()
    {
        var page = Render<DeskIntakePage>();
        page.WaitForElement("form", Patience);
        page.Find("#session-0-start").Change("15:00");
        page.Find("#session-0-end").Change("14:00");
        page.Find("form").Submit();
        Assert.Equal("「終了時刻」は開始より後にしてください。", page.WaitForElement("#session-0-end-error", Patience).TextContent);
    }

    [Fact]
    public void RegistrationNeedsConsentAndAKanaReading()
    {
        var page = Render<RegistrationPage>();
        page.WaitForElement("form", Patience);
        page.Find("#reg-name").Change("山田 花子");
        page.Find("#reg-furigana").Change("Yamada Hanako");
        page.Find("#reg-phone").Change("090-1234-5678");
        page.Find("#reg-area").Change("7");
        page.Find("form").Submit();
        Assert.Equal("「フリガナ」はカタカナかひらがなで入力してください。", page.WaitForElement("#reg-furigana-error", Patience).TextContent);
        Assert.Equal("登録には、利用目的への本人の同意が必要です。", page.Find("#reg-consent-error").TextContent);
        Assert.Empty(page.FindAll("[data-testid=registration-saved]"));
    }

    [Fact]
    public void ARegistrationWithConsentIsSavedAndTheFormCleared()
    {
        var page = Render<RegistrationPage>();
        page.WaitForElement("form", Patience);
        page.Find("#reg-name").Change("山田 花子");
        page.Find("#reg-furigana").Change("やまだ はなこ");
        page.Find("#reg-phone").Change("090-1234-5678");
        page.Find("#reg-area").Change("7");
        page.Find("#reg-consent").Change(true);
        page.Find("form").Submit();
        page.WaitForElement("[data-testid=registration-saved]", Patience);
        Assert.Equal("", page.Find("#reg-name").GetAttribute("value") ?? "");
    }

    [Fact]
    public void AConsultationNeedsWhoWhatAndTheOutcome()
    {
        var form = Render<ConsultationForm>();
        form.Find("form").Submit();
        Assert.Equal("「相談者名」を入力してください。", form.WaitForElement("#c-visitor-error", Patience).TextContent);
        Assert.Equal("「相談内容」を入力してください。", form.Find("#c-topic-error").TextContent);
        Assert.Equal("「対応結果」を入力してください。", form.Find("#c-outcome-error").TextContent);
    }

    [Fact]
    public void AFollowUpDateInThePastIsRefused()
    {
        var form = Render<ConsultationForm>();
        form.Find("#c-visitor").Change("立川 一郎");
        form.Find("#c-topic").Change("講師を探している");
        form.Find("#c-outcome").Change("候補を紹介した");
        form.Find("#c-followup").Change("2020-01-01");
        form.Find("form").Submit();
        Assert.Equal("「次回対応日」に過去の日付は指定できません。", form.WaitForElement("#c-followup-error", Patience).TextContent);
    }
}
