using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Desk;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Forms;

/// <summary>How the forms answer as they are filled in, shown on the desk's intake and registration.</summary>
[Collection(AppCollection.Name)]
public class FormFeedbackTests : KyodoBunitContext
{
    public FormFeedbackTests(AppFixture fixture)
    {
        this.AddAppServices(fixture.App);
        AddAuthorization().SetAuthorized("desk@kyodohub.example").SetRoles(Roles.DeskStaff);
        UseInteractiveServerRenderer();
    }

    [Fact]
    public async Task AMessageGoesAsSoonAsItsFieldIsFixed()
    {
        var page = Render<DeskIntakePage>();
        page.WaitForElement("form", Patience);
        Assert.Null(page.Find("#title").GetAttribute("aria-invalid"));

        await page.SubmitAsync();
        Assert.Equal("「依頼名」を入力してください。", page.WaitForElement("#title-error", Patience).TextContent);
        Assert.Equal("true", page.Find("#title").GetAttribute("aria-invalid"));
        Assert.Equal("true", page.Find("#place").GetAttribute("aria-invalid"));

        await page.ChangeAsync("#title", "夏祭りの受付");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#title-error")), Patience);
        Assert.Null(page.Find("#title").GetAttribute("aria-invalid"));
        // The other fields are still wrong and still say so.
        Assert.Equal("「場所」を入力してください。", page.Find("#place-error").TextContent);
        Assert.Equal("true", page.Find("#place").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task AFieldBrokenAgainAfterASubmitIsMarkedAgain()
    {
        var page = Render<DeskIntakePage>();
        page.WaitForElement("form", Patience);
        await page.SubmitAsync();
        page.WaitForElement("#title-error", Patience);
        Assert.Empty(page.FindAll("#headcount-error"));
        await page.ChangeAsync("#headcount", "0");
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#headcount").GetAttribute("aria-invalid")), Patience);
        await page.ChangeAsync("#headcount", "3");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#headcount-error")), Patience);
    }

    [Fact]
    public void RequiredSelectsAskToChooseAndNoSessionDateIsFilledIn()
    {
        var page = Render<DeskIntakePage>();
        page.WaitForElement("form", Patience);
        foreach (var id in new[] { "#group", "#category", "#area" })
        {
            var first = page.Find($"{id} option");
            Assert.Equal("選んでください", first.TextContent);
            Assert.Equal("0", first.GetAttribute("value"));
        }
        Assert.True(string.IsNullOrEmpty(page.Find("#session-0-date").GetAttribute("value")));
    }

    [Fact]
    public async Task ASavedIntakeIsAnnouncedAndTakesFocus()
    {
        var page = Render<DeskIntakePage>();
        page.WaitForElement("form", Patience);
        await page.ChangeAsync("#group", "2");
        await page.ChangeAsync("#title", "夏祭りの受付");
        await page.ChangeAsync("#description", "電話での依頼。");
        await page.ChangeAsync("#category", "9");
        await page.ChangeAsync("#session-0-date", DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.ChangeAsync("#area", "7");
        await page.ChangeAsync("#place", "自治会集会所");
        await page.SubmitAsync();

        var saved = page.WaitForElement("[data-testid=intake-saved]", Patience);
        Assert.Equal("status", saved.GetAttribute("role"));
        Assert.Equal("polite", saved.GetAttribute("aria-live"));
        page.WaitForAssertion(() => JSInterop.VerifyFocusAsyncInvoke(), Patience);
        // The next caller starts from an empty form, with no date filled in for them.
        Assert.True(string.IsNullOrEmpty(page.Find("#session-0-date").GetAttribute("value")));
    }

    [Fact]
    public async Task ARegistrationMessageGoesWhenTheFieldIsFixed()
    {
        var page = Render<RegistrationPage>();
        page.WaitForElement("form", Patience);
        await page.SubmitAsync();
        page.WaitForElement("#reg-name-error", Patience);
        Assert.Equal("true", page.Find("#reg-name").GetAttribute("aria-invalid"));
        await page.ChangeAsync("#reg-name", "山田 花子");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#reg-name-error")), Patience);
        Assert.Null(page.Find("#reg-name").GetAttribute("aria-invalid"));
        Assert.NotEmpty(page.FindAll("#reg-furigana-error"));
    }
}
