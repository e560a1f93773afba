using System.Collections.Concurrent;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Durability;

[Collection(AppCollection.Name)]
public class AtomicityTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    /// <summary>
    /// Accepting writes the offer, the request's seat, the assignment, the registrant's version and
    /// the audit entries. A failure at the assignment (inside the first batch) or at the audit
    /// entries (after the first batch was written) must leave none of it behind.
    /// </summary>
    [Theory]
    [InlineData("Assignments")]
    [InlineData("AuditEntries")]
    public async Task AFailureInTheMiddleOfAcceptingLeavesNothingBehindAndTellsNobody(string failingTable)
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 330));
        var registrantId = (await OfferTestData.FreeRegistrantsAsync(App, 40))[30 + failingTable.Length % 5];
        var offerId = (await OfferTestData.InsertOffersAsync(App, request.Id, [registrantId]))[0];
        var before = await SnapshotAsync(request.Id, registrantId);
        var heard = new ConcurrentQueue<LiveEvent>();
        using var subscription = App.Services.GetRequiredService<IEventBroker>().Subscribe(e =>
        {
            if (e is RequestEvent { RequestId: var r } && r == request.Id || e is OfferEvent { RequestId: var o } && o == request.Id)
            {
                heard.Enqueue(e);
            }
            return Task.CompletedTask;
        });

        await using (var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrantId))
        {
            var failing = new FailingContextFactory(scope.ServiceProvider, failingTable);
            var offers = ActivatorUtilities.CreateInstance<OfferService>(scope.ServiceProvider, (IDbContextFactory<KyodoDbContext>)failing);
            var error = await Assert.ThrowsAnyAsync<Exception>(() => offers.AcceptAsync(offerId));
            Assert.True(failing.Failed);
            Assert.Contains(FailingContextFactory.Failure, error.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await SnapshotAsync(request.Id, registrantId));
        await Task.Delay(300);
        Assert.Empty(heard);

        // Nothing is stuck either: the same accept goes through once the failure is gone.
        await using (var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrantId))
        {
            await scope.ServiceProvider.GetRequiredService<OfferService>().AcceptAsync(offerId);
        }
        var after = await SnapshotAsync(request.Id, registrantId);
        Assert.Equal((OfferState.Accepted, RequestState.Filled, 1, 1), (after.Offer, after.Request, after.Filled, after.Assignments));
    }

    private sealed record Snapshot(OfferState Offer, RequestState Request, int Filled, int RequestVersion, int RegistrantVersion, int Assignments, int AuditEntries);

    private async Task<Snapshot> SnapshotAsync(int requestId, int registrantId)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId);
        var offer = await db.Offers.AsNoTracking().SingleAsync(o => o.RequestId == requestId);
        var registrant = await db.Registrants.AsNoTracking().SingleAsync(r => r.Id == registrantId);
        var id = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Snapshot(offer.State, request.State, request.FilledCount, request.Version, registrant.Version,
            await db.Assignments.CountAsync(a => a.RequestId == requestId),
            await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Request) && a.EntityId == id));
    }
}
