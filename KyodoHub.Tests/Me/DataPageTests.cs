using Bunit;
using KyodoHub.Core.Registrants;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Me;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Me;

[Collection(AppCollection.Name)]
public class DataPageTests : KyodoBunitContext
{
    private readonly AppFixture _fixture;

    public DataPageTests(AppFixture fixture)
    {
        _fixture = fixture;
        this.AddWorkspaceServices(fixture.App);
    }

    [Fact]
    public async Task RequestsDeletionShowsItWaitingAndWithdrawsIt()
    {
        var id = await MeTestData.NewRegistrantAsync(_fixture.App);
        this.SignInAsRegistrant(id);
        UseInteractiveServerRenderer();
        var page = Render<MyDataPage>();
        page.WaitForElement("[data-testid=deletion][data-live=on]", Patience);
        Assert.Equal("/me/data/export", page.Find("[data-testid=export]").GetAttribute("href"));

        await page.ClickAsync("[data-testid=request-deletion]");
        await page.ChangeAsync("textarea[data-testid=deletion-reason]", "活動を終えるため");
        await page.ClickAsync("[data-testid=confirm-deletion]");
        page.WaitForElement("[data-testid=deletion-waiting]", Patience);
        Assert.Contains("削除の申し出を受け付けました。", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal);

        await using (var db = await _fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.DataDeletionRequests.AsNoTracking().SingleAsync(d => d.RegistrantId == id);
            Assert.Equal((DeletionRequestState.Requested, "活動を終えるため"), (stored.State, stored.Reason));
        }

        await page.ClickAsync("[data-testid=cancel-deletion]");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=deletion-waiting]")), Patience);
        page.WaitForAssertion(() => Assert.Equal("Cancelled", page.Find("[data-testid=deletion-history] tbody tr").GetAttribute("data-state")), Patience);
        Assert.NotNull(page.Find("[data-testid=request-deletion]"));
    }
}
