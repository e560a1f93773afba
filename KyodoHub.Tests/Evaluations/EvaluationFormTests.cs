using System.Security.Claims;
using Bunit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Evaluations;
using KyodoHub.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Evaluations;

/// <summary>The evaluation form marks each unanswered question until it is answered.</summary>
[Collection(AppCollection.Name)]
public class EvaluationFormTests : KyodoBunitContext
{
    private readonly KyodoAppFactory _app;

    public EvaluationFormTests(AppFixture fixture)
    {
        _app = fixture.App;
        this.AddAppServices(_app);
        Services.AddScoped<EvaluationService>();
    }

    private async Task<IRenderedComponent<EvaluationForm>> OpenAsRegistrantAsync()
    {
        var c = await CollaborationSeed.CreateAsync(_app.Services, registrants: 1, finished: true);
        AddAuthorization().SetAuthorized($"registrant-{c.RegistrantIds[0]}@example.jp").SetRoles(Roles.Registrant)
            .SetClaims(new Claim(KyodoClaims.RegistrantId, c.RegistrantIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        UseInteractiveServerRenderer();
        var page = Render<EvaluationForm>(p => p.Add(x => x.RequestId, c.RequestId));
        page.WaitForElement("[data-testid=evaluation-form]", Patience);
        return page;
    }

    [Fact]
    public async Task AnUnansweredQuestionIsMarkedUntilItIsAnswered()
    {
        var page = await OpenAsRegistrantAsync();
        await page.SubmitAsync("[data-testid=evaluation-form]");

        page.WaitForAssertion(() => Assert.Equal("「目標の達成度」を選んでください。", page.Find("#evaluation-goals-error").TextContent), Patience);
        Assert.Equal("true", page.Find("[aria-describedby=evaluation-goals-error]").GetAttribute("aria-invalid"));
        Assert.Equal("true", page.Find("[aria-describedby=evaluation-rating-error]").GetAttribute("aria-invalid"));
        Assert.NotEmpty(page.FindAll("#evaluation-synergy-error"));

        await page.InvokeAsync(() => page.FindAll("input[type=radio][name=goals]")[3].Click());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#evaluation-goals-error")), Patience);
        Assert.Null(page.Find("[aria-describedby=evaluation-goals-error]").GetAttribute("aria-invalid"));
        // The questions still unanswered still say so.
        Assert.Equal("「満足度」を選んでください。", page.Find("#evaluation-rating-error").TextContent);
        Assert.Equal("true", page.Find("[aria-describedby=evaluation-rating-error]").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task ASubmittedEvaluationIsAnnouncedAndTakesFocus()
    {
        var page = await OpenAsRegistrantAsync();
        await page.InvokeAsync(() => page.FindAll("input[type=radio][name=goals]")[4].Click());
        await page.InvokeAsync(() => page.FindAll("input[type=radio][name=rating]")[4].Click());
        await page.InvokeAsync(() => page.FindAll("input[type=radio][name=synergy]")[0].Click());
        await page.SubmitAsync("[data-testid=evaluation-form]");

        var saved = page.WaitForElement("[data-testid=evaluation-saved]", Patience);
        Assert.Equal("status", saved.GetAttribute("role"));
        Assert.Equal("polite", saved.GetAttribute("aria-live"));
        page.WaitForAssertion(() => JSInterop.VerifyFocusAsyncInvoke(), Patience);
    }
}
