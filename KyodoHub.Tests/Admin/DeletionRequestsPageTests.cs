using Bunit;
using KyodoHub.Core.Offers;
using KyodoHub.Tests.Desk;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Admin;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Admin;

/// <summary>The deletion requests page keeps the delete button off, saying why, while activities are still to come.</summary>
[Collection(AppCollection.Name)]
public class DeletionRequestsPageTests : KyodoBunitContext
{
    private readonly KyodoAppFactory _app;

    public DeletionRequestsPageTests(AppFixture fixture)
    {
        _app = fixture.App;
        this.AddStaffPageServices(_app);
        AddAuthorization().SetAuthorized("admin@kyodohub.example").SetRoles(Roles.Administrator);
        UseInteractiveServerRenderer();
    }

    private async Task<(DeskPagesTestData.Person Person, int RequestId)> AskedWhileConfirmedAsync()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(_app);
        await using (var scope = ScopeAs.User(_app.Services, Roles.Registrant, registrantId: person.Id))
        {
            await scope.ServiceProvider.GetRequiredService<MyDataService>().RequestDeletionAsync(person.Id, "転居するため");
        }
        await using var db = await DeskPagesTestData.Db(_app);
        return (person, await db.DataDeletionRequests.Where(d => d.RegistrantId == person.Id).Select(d => d.Id).SingleAsync());
    }

    [Fact]
    public async Task TheDeleteButtonIsOffWithTheReasonUntilTheActivityIsCancelled()
    {
        var (person, requestId) = await AskedWhileConfirmedAsync();
        var page = Render<DeletionRequestsPage>();
        page.WaitForElement($"#deletion-blocked-{requestId}", Patience);

        Assert.Equal("今後の確定した活動が1件あります。下の活動を中止するまで削除できません。", page.Find($"#deletion-blocked-{requestId}").TextContent);
        Assert.Contains(person.ConfirmedTitle, page.Find($"[data-assignment-id='{person.AssignmentId}']").TextContent, StringComparison.Ordinal);
        var delete = page.Find($"[data-testid=complete-deletion][data-request-id='{requestId}']");
        Assert.True(delete.HasAttribute("disabled"));
        Assert.Equal($"deletion-blocked-{requestId}", delete.GetAttribute("aria-describedby"));

        await page.ClickAsync($"[data-assignment-id='{person.AssignmentId}'] [data-testid=cancel-activity]");

        page.WaitForAssertion(() => Assert.Contains("への参加を中止しました。", page.Find("[data-testid=deletion-message]").TextContent, StringComparison.Ordinal), Patience);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"#deletion-blocked-{requestId}")), Patience);
        await using var db = await DeskPagesTestData.Db(_app);
        var assignment = await db.Assignments.SingleAsync(a => a.Id == person.AssignmentId);
        Assert.Equal((AssignmentState.Cancelled, "登録者から個人情報の削除の申し出があったため"), (assignment.State, assignment.CancelReason));
        Assert.False(page.Find($"[data-testid=complete-deletion][data-request-id='{requestId}']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task AnEmptyReasonForCancellingIsNamedAndNothingIsCancelled()
    {
        var (person, requestId) = await AskedWhileConfirmedAsync();
        var page = Render<DeletionRequestsPage>();
        page.WaitForElement($"#cancel-reason-{requestId}", Patience);
        await page.ChangeAsync($"#cancel-reason-{requestId}", "");
        await page.ClickAsync($"[data-assignment-id='{person.AssignmentId}'] [data-testid=cancel-activity]");

        page.WaitForAssertion(() => Assert.Equal("「中止の理由」を入力してください。", page.Find("[data-testid=deletion-message]").TextContent), Patience);
        await using var db = await DeskPagesTestData.Db(_app);
        Assert.Equal(AssignmentState.Confirmed, (await db.Assignments.SingleAsync(a => a.Id == person.AssignmentId)).State);
    }
}
