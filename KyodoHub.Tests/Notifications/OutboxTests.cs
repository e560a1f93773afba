using KyodoHub.Core.Common;
using KyodoHub.Core.Notifications;
using KyodoHub.Core.Offers;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Notifications;

[Collection(AppCollection.Name)]
public class OutboxTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    private async Task<List<Notification>> NotificationsAboutAsync(IEnumerable<int> offerIds)
    {
        var ids = offerIds.ToList();
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.SubjectId)).OrderBy(n => n.Id).ToListAsync();
    }

    [Fact]
    public async Task AnOfferSentByACoordinatorWritesAPendingNotificationToItsRegistrant()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1));
        var top = await OfferTestData.TopCandidateAsync(App, request.Id);
        await using var scope = ScopeAs.User(App.Services, Roles.Coordinator);
        var offerId = (await scope.ServiceProvider.GetRequiredService<OfferService>().SendAsync(request.Id, [top]))[0];

        var notification = Assert.Single(await NotificationsAboutAsync([offerId]));
        Assert.Equal(NotificationKind.OfferSent, notification.Kind);
        Assert.Equal(RecipientKind.Registrant, notification.RecipientKind);
        Assert.Equal(top.ToString(System.Globalization.CultureInfo.InvariantCulture), notification.RecipientId);
        Assert.Equal(NotificationState.Pending, notification.State);
        Assert.NotEqual(Guid.Empty, notification.MessageId);
    }

    [Fact]
    public async Task OfTwentyRacingAcceptsOnlyTheSavedOneTellsTheCoordinator()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 290));
        var registrants = await OfferTestData.FreeRegistrantsAsync(App, 20);
        var offerIds = await OfferTestData.InsertOffersAsync(App, request.Id, registrants);

        var outcomes = await Task.WhenAll(offerIds.Zip(registrants).Select(async pair =>
        {
            try
            {
                await using var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: pair.Second);
                await scope.ServiceProvider.GetRequiredService<OfferService>().AcceptAsync(pair.First);
                return true;
            }
            catch (DomainRuleException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
        var answered = (await NotificationsAboutAsync(offerIds)).Where(n => n.Kind == NotificationKind.OfferAnswered).ToList();
        var accepted = Assert.Single(answered);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        Assert.Equal(OfferState.Accepted, (await db.Offers.SingleAsync(o => o.Id == accepted.SubjectId)).State);
    }
}
