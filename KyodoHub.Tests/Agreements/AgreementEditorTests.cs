using Bunit;
using KyodoHub.Tests.Desk;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Agreements;
using KyodoHub.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Agreements;

/// <summary>The coordinator's agreement form answers as its terms are edited, and its save is announced on the agreement's page.</summary>
[Collection(AppCollection.Name)]
public class AgreementEditorTests : KyodoBunitContext
{
    private readonly KyodoAppFactory _app;

    public AgreementEditorTests(AppFixture fixture)
    {
        _app = fixture.App;
        this.AddStaffPageServices(_app);
        Services.AddScoped<AgreementService>();
        Services.AddSingleton(_app.Services.GetRequiredService<JapaneseFont>());
        AddAuthorization().SetAuthorized("coordinator@kyodohub.example").SetRoles(Roles.Coordinator);
        UseInteractiveServerRenderer();
    }

    [Fact]
    public async Task AnEmptiedTermIsMarkedAndItsMessageGoesOnceItIsFilledAgain()
    {
        var c = await CollaborationSeed.CreateAsync(_app.Services, registrants: 1);
        var page = Render<AgreementEditor>(p => p.Add(x => x.RequestId, c.RequestId));
        page.WaitForElement("#agreement-purpose", Patience);
        Assert.NotEqual("true", page.Find("#agreement-purpose").GetAttribute("aria-invalid"));

        await page.ChangeAsync("#agreement-purpose", "");
        await page.ChangeAsync("#agreement-cost-sharing", " ");
        await page.SubmitAsync("[data-testid=agreement-editor]");

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#agreement-purpose").GetAttribute("aria-invalid")), Patience);
        Assert.Equal("true", page.Find("#agreement-cost-sharing").GetAttribute("aria-invalid"));
        Assert.Contains("「目的」を入力してください。", Text(page), StringComparison.Ordinal);
        Assert.Contains("「費用の分担」を入力してください。", Text(page), StringComparison.Ordinal);

        await page.ChangeAsync("#agreement-purpose", "地域の交流会を一緒に開く。");
        page.WaitForAssertion(() => Assert.DoesNotContain("「目的」を入力してください。", Text(page), StringComparison.Ordinal), Patience);
        Assert.NotEqual("true", page.Find("#agreement-purpose").GetAttribute("aria-invalid"));
        // The other term is still empty and still says so.
        Assert.Contains("「費用の分担」を入力してください。", Text(page), StringComparison.Ordinal);
        Assert.Equal("true", page.Find("#agreement-cost-sharing").GetAttribute("aria-invalid"));
    }

    private static string Text(IRenderedComponent<AgreementEditor> page) => page.Find("[data-testid=agreement-editor]").TextContent;

    [Fact]
    public async Task ASavedAgreementIsAnnouncedOnItsPageWhichTakesFocus()
    {
        var c = await CollaborationSeed.CreateAsync(_app.Services, registrants: 1);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var editor = Render<AgreementEditor>(p => p.Add(x => x.RequestId, c.RequestId));
        editor.WaitForElement("#agreement-purpose", Patience);
        await editor.SubmitAsync("[data-testid=agreement-editor]");
        editor.WaitForAssertion(() => Assert.Matches(@"/agreements/\d+$", navigation.Uri), Patience);
        Assert.Equal(AgreementSaved.State, navigation.HistoryEntryState);

        var id = int.Parse(navigation.Uri.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var detail = Render<AgreementDetail>(p => p.Add(x => x.Id, id));
        var saved = detail.WaitForElement("[data-testid=agreement-saved]", Patience);
        Assert.Equal("status", saved.GetAttribute("role"));
        Assert.Equal("polite", saved.GetAttribute("aria-live"));
        Assert.Contains("協定書を保存しました。", saved.TextContent, StringComparison.Ordinal);
        detail.WaitForAssertion(() => JSInterop.VerifyFocusAsyncInvoke(), Patience);
    }
}
