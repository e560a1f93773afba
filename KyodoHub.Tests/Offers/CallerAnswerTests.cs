using KyodoHub.Core.Common;
using KyodoHub.Core.Offers;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Tests.Me;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Offers;

/// <summary>Desk staff record what a caller answered to an offer, through the inbox's rules.</summary>
[Collection(AppCollection.Name)]
public class CallerAnswerTests(AppFixture fixture)
{
    private const string Desk = "desk-phone@kyodohub.example";

    private KyodoAppFactory App => fixture.App;

    private async Task AsDesk(Func<OfferService, Task> act, string role = Roles.DeskStaff)
    {
        await using var scope = ScopeAs.User(App.Services, role, userName: Desk);
        await act(scope.ServiceProvider.GetRequiredService<OfferService>());
    }

    private async Task<int> PendingOfferAsync(DateTimeOffset? sentAt = null, int daysAhead = 230)
    {
        var registrant = await MeTestData.NewRegistrantAsync(App);
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: daysAhead));
        return (await OfferTestData.InsertOffersAsync(App, request.Id, [registrant], sentAt))[0];
    }

    private async Task<(Offer Offer, List<Core.Audit.AuditEntry> Audit)> ReadAsync(int offerId)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var key = offerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await db.Offers.AsNoTracking().SingleAsync(o => o.Id == offerId),
            await db.AuditEntries.AsNoTracking().Where(e => e.Action == "AnswerForCaller" && e.EntityType == "Offer" && e.EntityId == key).ToListAsync());
    }

    [Fact]
    public async Task AnAcceptanceByPhoneIsRecordedWithTheChannelTheStaffMemberAndAnAuditEntry()
    {
        var offerId = await PendingOfferAsync();

        await AsDesk(s => s.AcceptForCallerAsync(offerId));

        var (offer, audit) = await ReadAsync(offerId);
        Assert.Equal((OfferState.Accepted, AnswerChannel.Phone, Desk), (offer.State, offer.AnsweredVia, offer.AnswerRecordedBy));
        Assert.Equal(Desk, Assert.Single(audit).UserName);
    }

    [Fact]
    public async Task ADeclineByPhoneKeepsTheCallersReasonTheChannelAndTheStaffMember()
    {
        var offerId = await PendingOfferAsync(daysAhead: 232);

        await AsDesk(s => s.DeclineForCallerAsync(offerId, "体調がすぐれない"));

        var (offer, audit) = await ReadAsync(offerId);
        Assert.Equal((OfferState.Declined, "体調がすぐれない", AnswerChannel.Phone, Desk), (offer.State, offer.DeclineReason, offer.AnsweredVia, offer.AnswerRecordedBy));
        Assert.Single(audit);
    }

    [Fact]
    public async Task ADeclineWithoutAReasonIsRefusedNamingTheReasonAndChangesNothing()
    {
        var offerId = await PendingOfferAsync(daysAhead: 234);

        var error = await Assert.ThrowsAsync<DomainValidationException>(() => AsDesk(s => s.DeclineForCallerAsync(offerId, "  ")));

        Assert.Equal(nameof(Offer.DeclineReason), error.Field);
        var (offer, audit) = await ReadAsync(offerId);
        Assert.Equal((OfferState.Offered, (AnswerChannel?)null), (offer.State, offer.AnsweredVia));
        Assert.Empty(audit);
    }

    [Fact]
    public async Task ARegistrantCannotRecordAnAnswerForACaller()
    {
        var offerId = await PendingOfferAsync(daysAhead: 236);

        await Assert.ThrowsAsync<AccessDeniedException>(() => AsDesk(s => s.AcceptForCallerAsync(offerId), Roles.Registrant));
        await Assert.ThrowsAsync<AccessDeniedException>(() => AsDesk(s => s.DeclineForCallerAsync(offerId, "予定"), Roles.Registrant));

        var (offer, audit) = await ReadAsync(offerId);
        Assert.Equal(OfferState.Offered, offer.State);
        Assert.Empty(audit);
    }

    [Fact]
    public async Task AnExpiredOfferIsRefusedAsExpiredAndNothingIsSaved()
    {
        var offerId = await PendingOfferAsync(DateTimeOffset.UtcNow.AddHours(-49), daysAhead: 238);

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => AsDesk(s => s.AcceptForCallerAsync(offerId)));

        Assert.Equal("OfferExpired", error.Code);
        var (offer, audit) = await ReadAsync(offerId);
        Assert.Equal((OfferState.Offered, (AnswerChannel?)null), (offer.State, offer.AnsweredVia));
        Assert.Empty(audit);
    }

    [Fact]
    public async Task AnOfferAlreadyAnsweredIsRefusedAndKeepsTheFirstAnswer()
    {
        var offerId = await PendingOfferAsync(daysAhead: 240);
        await AsDesk(s => s.DeclineForCallerAsync(offerId, "予定が合わない"));

        var error = await Assert.ThrowsAsync<DomainRuleException>(() => AsDesk(s => s.AcceptForCallerAsync(offerId)));

        Assert.Equal("OfferAlreadyAnswered", error.Code);
        var (offer, audit) = await ReadAsync(offerId);
        Assert.Equal(OfferState.Declined, offer.State);
        Assert.Single(audit);
    }
}
