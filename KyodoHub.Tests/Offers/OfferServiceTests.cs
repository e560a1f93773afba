using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Core.Requests;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Coordinator;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Offers;

[Collection(AppCollection.Name)]
public class OfferServiceTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    private async Task<T> AsCoordinator<T>(Func<OfferService, Task<T>> act)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Coordinator);
        return await act(scope.ServiceProvider.GetRequiredService<OfferService>());
    }

    private async Task AsRegistrant(int registrantId, Func<OfferService, Task> act)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrantId);
        await act(scope.ServiceProvider.GetRequiredService<OfferService>());
    }

    private async Task<Request> RequestAsync(int id)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.Requests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<List<Offer>> OffersAsync(int requestId)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.Offers.AsNoTracking().Where(o => o.RequestId == requestId).OrderBy(o => o.Id).ToListAsync();
    }

    [Fact]
    public async Task SendingRecordsTheScoreAndAcceptingFillsTheRequest()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1));
        var top = await OfferTestData.TopCandidateAsync(App, request.Id);
        var offerId = (await AsCoordinator(s => s.SendAsync(request.Id, [top])))[0];
        var offer = (await OffersAsync(request.Id)).Single();
        Assert.True(offer.Score > 0);
        Assert.Equal(OfferState.Offered, offer.State);

        await AsRegistrant(top, s => s.AcceptAsync(offerId));
        var filled = await RequestAsync(request.Id);
        Assert.Equal(RequestState.Filled, filled.State);
        Assert.Equal(1, filled.FilledCount);
    }

    [Fact]
    public async Task TwentyParallelAcceptsForTheLastSeatLeaveExactlyOneAccepted()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 300));
        var registrants = await OfferTestData.FreeRegistrantsAsync(App, 20);
        Assert.Equal(20, registrants.Count);
        var offerIds = await OfferTestData.InsertOffersAsync(App, request.Id, registrants);

        var outcomes = await Task.WhenAll(offerIds.Zip(registrants).Select(async pair =>
        {
            try
            {
                await AsRegistrant(pair.Second, s => s.AcceptAsync(pair.First));
                return "won";
            }
            catch (DomainRuleException ex)
            {
                return ex.Code;
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "won"));
        Assert.All(outcomes.Where(o => o != "won"), code => Assert.Contains(code, new[] { "SeatTaken", "RequestNotFillable", "OfferAlreadyAnswered" }));
        var offers = await OffersAsync(request.Id);
        Assert.Single(offers, o => o.State == OfferState.Accepted);
        var saved = await RequestAsync(request.Id);
        Assert.Equal((RequestState.Filled, 1), (saved.State, saved.FilledCount));
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Assignments.CountAsync(a => a.RequestId == request.Id));
    }

    [Fact]
    public async Task FillingTheLastSeatWithdrawsTheOtherPendingOffers()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 310));
        var registrants = await OfferTestData.FreeRegistrantsAsync(App, 23);
        var offerIds = await OfferTestData.InsertOffersAsync(App, request.Id, registrants.Skip(20));
        await AsRegistrant(registrants[20], s => s.AcceptAsync(offerIds[0]));
        var states = (await OffersAsync(request.Id)).Select(o => o.State).ToList();
        Assert.Equal([OfferState.Accepted, OfferState.Withdrawn, OfferState.Withdrawn], states);
    }

    [Fact]
    public async Task ARegistrantCannotAnswerSomeoneElsesOffer()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid());
        var top = await OfferTestData.TopCandidateAsync(App, request.Id);
        var offerId = (await AsCoordinator(s => s.SendAsync(request.Id, [top])))[0];
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsRegistrant(top == 1 ? 2 : 1, s => s.AcceptAsync(offerId)));
        Assert.Equal(OfferState.Offered, (await OffersAsync(request.Id)).Single().State);
    }

    [Fact]
    public async Task OfferingAnExcludedRegistrantIsRefusedAndNothingIsSent()
    {
        // A leaders-only request: a volunteer-only registrant fails the programme constraint.
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(programs: ["LifelongLearningLeader"]));
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var volunteer = await db.Registrants.Where(r => r.Programs == Program.ChokottoVolunteer).Select(r => r.Id).FirstAsync();
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => AsCoordinator(s => s.SendAsync(request.Id, [volunteer])));
        Assert.Equal("CandidateExcluded", error.Code);
        Assert.Empty(await OffersAsync(request.Id));
    }

    [Fact]
    public async Task DeclineWithAutoCascadeOffersTheNextCandidate()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid() with { AutoCascade = true });
        var top = await OfferTestData.TopCandidateAsync(App, request.Id);
        var offerId = (await AsCoordinator(s => s.SendAsync(request.Id, [top])))[0];
        await AsRegistrant(top, s => s.DeclineAsync(offerId, "その日は都合がつきません"));
        var offers = await OffersAsync(request.Id);
        Assert.Equal(2, offers.Count);
        Assert.Equal(OfferState.Declined, offers[0].State);
        Assert.Equal("その日は都合がつきません", offers[0].DeclineReason);
        Assert.Equal(OfferState.Offered, offers[1].State);
        Assert.Equal(OfferService.AutoCascadeSender, offers[1].SentBy);
        Assert.NotEqual(top, offers[1].RegistrantId);
    }

    [Fact]
    public async Task DeclineWithoutAutoCascadeOffersNobodyElse()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid());
        var top = await OfferTestData.TopCandidateAsync(App, request.Id);
        var offerId = (await AsCoordinator(s => s.SendAsync(request.Id, [top])))[0];
        await AsRegistrant(top, s => s.DeclineAsync(offerId, "体調がすぐれないため"));
        Assert.Single(await OffersAsync(request.Id));
    }

    [Fact]
    public async Task ExpiredOffersAreMarkedAndCascade()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid() with { AutoCascade = true });
        var top = await OfferTestData.TopCandidateAsync(App, request.Id);
        await OfferTestData.InsertOffersAsync(App, request.Id, [top], sentAt: DateTimeOffset.UtcNow.AddHours(-49), expiresInHours: 48);
        await AsCoordinator(s => s.ExpireDueAsync());
        var offers = await OffersAsync(request.Id);
        Assert.Equal(OfferState.Expired, offers[0].State);
        Assert.Equal(OfferState.Offered, offers[1].State);
    }

    [Fact]
    public async Task AcceptedOffersShowContactDetailsAndPendingOnesDoNot()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 2, daysAhead: 320));
        var registrants = await OfferTestData.FreeRegistrantsAsync(App, 26);
        var offerIds = await OfferTestData.InsertOffersAsync(App, request.Id, registrants.Skip(24));
        await AsRegistrant(registrants[24], s => s.AcceptAsync(offerIds[0]));
        await using var scope = ScopeAs.User(App.Services, Roles.Coordinator);
        var rows = await scope.ServiceProvider.GetRequiredService<RequestDetailService>().OffersAsync(request.Id);
        var accepted = rows.Single(r => r.State == OfferState.Accepted);
        var pending = rows.Single(r => r.State == OfferState.Offered);
        Assert.True(accepted.Phone is not null || accepted.Email is not null);
        Assert.Null(pending.Phone);
        Assert.Null(pending.Email);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var registrantId = registrants[24].ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "ViewContact" && a.EntityId == registrantId));
    }
}
