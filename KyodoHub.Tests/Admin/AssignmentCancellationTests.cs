using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Desk;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Admin;

/// <summary>Cancelling one registrant's assignment gives the seat back and tells them.</summary>
[Collection(AppCollection.Name)]
public class AssignmentCancellationTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    private async Task CancelAsync(int assignmentId, string reason, string role = Roles.Coordinator)
    {
        await using var scope = ScopeAs.User(App.Services, role);
        await scope.ServiceProvider.GetRequiredService<OfferService>().CancelAssignmentAsync(assignmentId, reason);
    }

    [Fact]
    public async Task CancellingTheOnlySeatOfAFilledRequestOpensItAgainAndTheRegistrantSeesItCancelled()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(App);
        await using (var before = await DeskPagesTestData.Db(App))
        {
            Assert.Equal(RequestState.Filled, (await before.Requests.SingleAsync(r => r.Id == person.ConfirmedRequestId)).State);
        }

        await CancelAsync(person.AssignmentId, "会場の都合がつかなくなったため");

        await using var db = await DeskPagesTestData.Db(App);
        var assignment = await db.Assignments.SingleAsync(a => a.Id == person.AssignmentId);
        Assert.Equal((AssignmentState.Cancelled, "会場の都合がつかなくなったため"), (assignment.State, assignment.CancelReason));
        var request = await db.Requests.SingleAsync(r => r.Id == person.ConfirmedRequestId);
        Assert.Equal((RequestState.Open, 0), (request.State, request.FilledCount));
        await using var registrant = ScopeAs.User(App.Services, Roles.Registrant, registrantId: person.Id);
        var mine = (await registrant.ServiceProvider.GetRequiredService<MyActivitiesService>().GetAsync())!;
        Assert.Empty(mine.Upcoming);
        Assert.Contains(mine.Past, a => a.AssignmentId == person.AssignmentId && a.State == AssignmentState.Cancelled);
    }

    [Fact]
    public async Task AnEmptyReasonIsRefusedAndNothingChanges()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(App);
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => CancelAsync(person.AssignmentId, "  "));
        Assert.Equal("CancelReason", refused.Field);
        await using var db = await DeskPagesTestData.Db(App);
        Assert.Equal(AssignmentState.Confirmed, (await db.Assignments.SingleAsync(a => a.Id == person.AssignmentId)).State);
        Assert.Equal(1, (await db.Requests.SingleAsync(r => r.Id == person.ConfirmedRequestId)).FilledCount);
    }

    [Fact]
    public async Task AnAssignmentCannotBeCancelledTwice()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(App);
        await CancelAsync(person.AssignmentId, "都合により");
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => CancelAsync(person.AssignmentId, "都合により"));
        Assert.Equal("AssignmentClosed", refused.Code);
        await using var db = await DeskPagesTestData.Db(App);
        Assert.Equal(0, (await db.Requests.SingleAsync(r => r.Id == person.ConfirmedRequestId)).FilledCount);
    }

    [Fact]
    public async Task DeskStaffCannotCancelAnAssignment()
    {
        var person = await DeskPagesTestData.PersonWithHistoryAsync(App);
        await Assert.ThrowsAsync<AccessDeniedException>(() => CancelAsync(person.AssignmentId, "都合により", Roles.DeskStaff));
        await using var db = await DeskPagesTestData.Db(App);
        Assert.Equal(AssignmentState.Confirmed, (await db.Assignments.SingleAsync(a => a.Id == person.AssignmentId)).State);
    }
}
