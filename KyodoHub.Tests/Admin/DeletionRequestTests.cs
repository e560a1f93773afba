using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Registrants;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Tests.Me;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Admin;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Admin;

[Collection(AppCollection.Name)]
public class DeletionRequestTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    /// <summary>A registrant with a sign-in account, an offer waiting in their inbox and a deletion request filed.</summary>
    private async Task<(int RegistrantId, string Email, int OfferId, int RequestId)> RegistrantWhoAskedAsync()
    {
        var email = $"leaving-{Guid.NewGuid():N}@example.jp";
        var id = await MeTestData.NewRegistrantAsync(App);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = new AppUser { UserName = email, Email = email, DisplayName = "去る 人" };
            Assert.True((await users.CreateAsync(account, "a-long-password-2026")).Succeeded);
            await users.AddToRoleAsync(account, Roles.Registrant);
            await using var db = await Db();
            (await db.Registrants.SingleAsync(r => r.Id == id)).LinkUser(account.Id);
            await db.SaveChangesAsync();
        }
        var request = await TestRequests.PostAsync(App, TestRequests.Valid());
        var offerId = (await OfferTestData.InsertOffersAsync(App, request.Id, [id]))[0];
        await using (var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: id))
        {
            await scope.ServiceProvider.GetRequiredService<MyDataService>().RequestDeletionAsync(id, "転居するため");
        }
        await using var check = await Db();
        var requestId = await check.DataDeletionRequests.Where(d => d.RegistrantId == id).Select(d => d.Id).SingleAsync();
        return (id, email, offerId, requestId);
    }

    private async Task<KyodoDbContext> Db() => await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();

    private AsyncServiceScope AsAdministrator() => ScopeAs.User(App.Services, Roles.Administrator, userName: "admin@kyodohub.example");

    [Fact]
    public async Task CompletingARequestAnonymisesTheRegistrantWithdrawsTheirOffersAndClosesTheirSignIn()
    {
        var (id, email, offerId, requestId) = await RegistrantWhoAskedAsync();
        await using (var admin = AsAdministrator())
        {
            var service = admin.ServiceProvider.GetRequiredService<DeletionRequestService>();
            var row = Assert.Single(await service.ListAsync(), r => r.Id == requestId);
            Assert.Equal((DeletionRequestState.Requested, "転居するため", 0), (row.State, row.Reason, row.UpcomingActivities));
            await service.CompleteAsync(requestId);
        }

        await using var db = await Db();
        var registrant = await db.Registrants.SingleAsync(r => r.Id == id);
        Assert.True(registrant.IsAnonymised);
        Assert.DoesNotContain(email, registrant.Email ?? "", StringComparison.Ordinal);
        Assert.Equal(OfferState.Withdrawn, (await db.Offers.SingleAsync(o => o.Id == offerId)).State);
        var closed = await db.DataDeletionRequests.SingleAsync(d => d.Id == requestId);
        Assert.Equal((DeletionRequestState.Completed, "admin@kyodohub.example"), (closed.State, closed.ClosedBy));
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == DeletionRequestService.AuditAction && a.EntityId == id.ToString()));

        using var client = App.NewClient();
        await SignInForm.PostAsync(client, email, "a-long-password-2026");
        using var me = await client.GetAsync("/me");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task ARegistrantStillConfirmedForAnActivityToComeIsNotDeletedYet()
    {
        var (id, _, offerId, requestId) = await RegistrantWhoAskedAsync();
        await using (var registrant = ScopeAs.User(App.Services, Roles.Registrant, registrantId: id))
        {
            await registrant.ServiceProvider.GetRequiredService<OfferService>().AcceptAsync(offerId);
        }
        await using (var admin = AsAdministrator())
        {
            var service = admin.ServiceProvider.GetRequiredService<DeletionRequestService>();
            Assert.Equal(1, Assert.Single(await service.ListAsync(), r => r.Id == requestId).UpcomingActivities);
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => service.CompleteAsync(requestId));
            Assert.Equal("DeletionHasUpcomingActivities", refused.Code);
        }
        await using var db = await Db();
        Assert.False((await db.Registrants.SingleAsync(r => r.Id == id)).IsAnonymised);
        Assert.True((await db.DataDeletionRequests.SingleAsync(d => d.Id == requestId)).IsWaiting);
    }

    [Fact]
    public async Task TheRequestListsTheActivitiesToComeAndCanBeCarriedOutOnceTheyAreCancelled()
    {
        var (id, _, offerId, requestId) = await RegistrantWhoAskedAsync();
        await using (var registrant = ScopeAs.User(App.Services, Roles.Registrant, registrantId: id))
        {
            await registrant.ServiceProvider.GetRequiredService<OfferService>().AcceptAsync(offerId);
        }
        await using var admin = AsAdministrator();
        var service = admin.ServiceProvider.GetRequiredService<DeletionRequestService>();
        var row = Assert.Single(await service.ListAsync(), r => r.Id == requestId);
        var activity = Assert.Single(row.Upcoming);
        Assert.False(row.CanComplete);

        await admin.ServiceProvider.GetRequiredService<OfferService>().CancelAssignmentAsync(activity.AssignmentId, "登録者から個人情報の削除の申し出があったため");

        row = Assert.Single(await service.ListAsync(), r => r.Id == requestId);
        Assert.True(row.CanComplete);
        await service.CompleteAsync(requestId);
        await using var db = await Db();
        Assert.True((await db.Registrants.SingleAsync(r => r.Id == id)).IsAnonymised);
        Assert.Equal(AssignmentState.Cancelled, (await db.Assignments.SingleAsync(a => a.Id == activity.AssignmentId)).State);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.DeskStaff)]
    [InlineData(Roles.Registrant)]
    public async Task OnlyAdministratorsSeeOrCompleteDeletionRequests(string role)
    {
        var (id, _, _, requestId) = await RegistrantWhoAskedAsync();
        await using (var other = ScopeAs.User(App.Services, role, registrantId: role == Roles.Registrant ? id : null))
        {
            var service = other.ServiceProvider.GetRequiredService<DeletionRequestService>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync());
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.CompleteAsync(requestId));
        }
        await using var db = await Db();
        Assert.False((await db.Registrants.SingleAsync(r => r.Id == id)).IsAnonymised);
    }
}
