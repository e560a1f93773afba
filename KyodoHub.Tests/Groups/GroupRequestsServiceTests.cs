using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Groups;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Groups;

[Collection(AppCollection.Name)]
public class GroupRequestsServiceTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    [Fact]
    public async Task AGroupSeesTheContactsOfThoseWhoAcceptedAndNobodyElse()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 2, daysAhead: 330) with { GroupId = 3 });
        var registrants = await OfferTestData.FreeRegistrantsAsync(App, 40);
        var offers = await OfferTestData.InsertOffersAsync(App, request.Id, registrants.Skip(30).Take(2));
        await using (var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrants[30]))
        {
            await scope.ServiceProvider.GetRequiredService<OfferService>().AcceptAsync(offers[0]);
        }
        await using var group = ScopeAs.User(App.Services, Roles.GroupContact, groupId: 3);
        var detail = await group.ServiceProvider.GetRequiredService<GroupRequestsService>().GetAsync(request.Id);
        var accepted = Assert.Single(detail!.Accepted);
        Assert.Equal(registrants[30], accepted.RegistrantId);
        Assert.True(accepted.Phone is not null || accepted.Email is not null);
    }

    [Fact]
    public async Task AGroupCannotOpenOrCancelAnotherGroupsRequest()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid() with { GroupId = 4 });
        await using var other = ScopeAs.User(App.Services, Roles.GroupContact, groupId: 5);
        var service = other.ServiceProvider.GetRequiredService<GroupRequestsService>();
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetAsync(request.Id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CancelAsync(request.Id, "いたずら"));
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        Assert.Equal(RequestState.Open, (await db.Requests.SingleAsync(r => r.Id == request.Id)).State);
    }

    [Fact]
    public async Task CancellingWithAReasonCancelsAssignmentsAndWithdrawsOffersInOneGo()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 2, daysAhead: 340) with { GroupId = 6 });
        var registrants = await OfferTestData.FreeRegistrantsAsync(App, 40);
        var offers = await OfferTestData.InsertOffersAsync(App, request.Id, registrants.Skip(35).Take(2));
        await using (var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrants[35]))
        {
            await scope.ServiceProvider.GetRequiredService<OfferService>().AcceptAsync(offers[0]);
        }
        await using (var group = ScopeAs.User(App.Services, Roles.GroupContact, groupId: 6))
        {
            await group.ServiceProvider.GetRequiredService<GroupRequestsService>().CancelAsync(request.Id, "会場が使えなくなったため");
        }
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var saved = await db.Requests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal((RequestState.Cancelled, "会場が使えなくなったため"), (saved.State, saved.CancelReason));
        Assert.Equal(AssignmentState.Cancelled, (await db.Assignments.SingleAsync(a => a.RequestId == request.Id)).State);
        Assert.Equal([OfferState.Accepted, OfferState.Withdrawn], await db.Offers.Where(o => o.RequestId == request.Id).OrderBy(o => o.Id).Select(o => o.State).ToListAsync());
    }

    [Fact]
    public async Task AGroupSubmitsARequestForItselfOnly()
    {
        await using var group = ScopeAs.User(App.Services, Roles.GroupContact, groupId: 7);
        var id = await group.ServiceProvider.GetRequiredService<GroupRequestsService>().SubmitAsync(Domain.DomainBuilders.Details(sessions: [Domain.DomainBuilders.Session(daysAhead: 60)], fillBy: DateTimeOffset.UtcNow.AddDays(20)));
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var saved = await db.Requests.SingleAsync(r => r.Id == id);
        Assert.Equal((7, RequestOrigin.Online), (saved.GroupId, saved.Origin));
    }
}
