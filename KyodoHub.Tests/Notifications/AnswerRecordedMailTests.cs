using KyodoHub.Core.Notifications;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Notifications;

/// <summary>An answer the desk recorded by phone is confirmed to the registrant by mail; the coordinator's mail stays.</summary>
public class AnswerRecordedMailTests(MailingAppFixture fixture) : IClassFixture<MailingAppFixture>
{
    private const string Coordinator = "coordinator@kyodohub.example";
    private const string Desk = "desk@kyodohub.example";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private KyodoAppFactory App => fixture.App;

    [Fact]
    public async Task AnAcceptanceRecordedByPhoneMailsTheRegistrantWhatWasRecordedAndTheCoordinatorAsUsual()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 265));
        var top = await OfferTestData.TopCandidateAsync(App, request.Id);
        int offerId;
        await using (var scope = ScopeAs.User(App.Services, Roles.Coordinator, userName: Coordinator))
        {
            offerId = (await scope.ServiceProvider.GetRequiredService<OfferService>().SendAsync(request.Id, [top]))[0];
        }
        await using (var scope = ScopeAs.User(App.Services, Roles.DeskStaff, userName: Desk))
        {
            await scope.ServiceProvider.GetRequiredService<OfferService>().AcceptForCallerAsync(offerId);
        }
        var toRegistrant = Assert.Single(await MailTestData.NotificationsAboutAsync(App, [offerId], NotificationKind.AnswerRecorded));
        var toCoordinator = Assert.Single(await MailTestData.NotificationsAboutAsync(App, [offerId], NotificationKind.OfferAnswered));

        var messages = await SmtpServer.Shared.WaitForAsync(all =>
            all.Any(m => m.MessageId == MailTestData.MessageIdOf(toRegistrant)) && all.Any(m => m.MessageId == MailTestData.MessageIdOf(toCoordinator)), Patience);

        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var registrant = await db.Registrants.AsNoTracking().SingleAsync(r => r.Id == top);
        var confirmation = Assert.Single(messages, m => m.MessageId == MailTestData.MessageIdOf(toRegistrant));
        Assert.Equal(registrant.Email, Assert.Single(confirmation.To.Mailboxes).Address);
        Assert.Equal($"【電話で受け付けた回答：引き受け】{request.Title}", confirmation.Subject);
        Assert.Contains("お電話でいただいた打診への回答を、窓口で次のとおり記録しました。", confirmation.TextBody);
        Assert.Contains($"■依頼\n{request.Title}", confirmation.TextBody);
        Assert.Contains("■回答\n引き受け", confirmation.TextBody);
        Assert.Contains("/me/offers", confirmation.TextBody);
        Assert.Contains("市民活動センターたちかわ", confirmation.TextBody);
        Assert.DoesNotContain(Desk, confirmation.TextBody);
        Assert.DoesNotContain(Desk, confirmation.HtmlBody);

        var answered = Assert.Single(messages, m => m.MessageId == MailTestData.MessageIdOf(toCoordinator));
        Assert.Equal(Coordinator, Assert.Single(answered.To.Mailboxes).Address);
        Assert.Equal($"【打診：引き受け】{request.Title}", answered.Subject);
    }

    [Fact]
    public async Task AnAnswerGivenInTheAppSendsTheRegistrantNoConfirmation()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 267));
        var registrant = (await OfferTestData.FreeRegistrantsAsync(App, 3))[2];
        var offerId = (await OfferTestData.InsertOffersAsync(App, request.Id, [registrant]))[0];
        await using (var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: registrant))
        {
            await scope.ServiceProvider.GetRequiredService<OfferService>().DeclineAsync(offerId, "予定が合わない");
        }

        Assert.Empty(await MailTestData.NotificationsAboutAsync(App, [offerId], NotificationKind.AnswerRecorded));
    }
}
