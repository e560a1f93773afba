using System.Diagnostics;
using KyodoHub.Core.Notifications;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace KyodoHub.Tests.Notifications;

/// <summary>An app that mails through the suite's SMTP server.</summary>
public sealed class MailingAppFixture() : AppFixture(new KyodoAppFactory(settings: SmtpServer.Shared.AppSettings()));

public class OfferMailTests(MailingAppFixture fixture) : IClassFixture<MailingAppFixture>
{
    private const string Coordinator = "coordinator@kyodohub.example";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private KyodoAppFactory App => fixture.App;
    private SmtpServer Server { get; } = SmtpServer.Shared;

    private async Task<int> SendOfferAsync(int requestId, int registrantId)
    {
        await using var scope = ScopeAs.User(App.Services, Roles.Coordinator, userName: Coordinator);
        return (await scope.ServiceProvider.GetRequiredService<OfferService>().SendAsync(requestId, [registrantId]))[0];
    }

    private async Task<T> ReadAsync<T>(Func<KyodoDbContext, Task<T>> read)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    [Fact]
    public async Task AnOfferSentByACoordinatorReachesTheRegistrantWithinFiveSecondsInJapanese()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1));
        var top = await OfferTestData.TopCandidateAsync(App, request.Id);
        var clock = Stopwatch.StartNew();
        var offerId = await SendOfferAsync(request.Id, top);
        var notification = Assert.Single(await MailTestData.NotificationsAboutAsync(App, [offerId]));

        var messages = await Server.WaitForAsync(all => all.Any(m => m.MessageId == MailTestData.MessageIdOf(notification)), Patience);
        Assert.True(clock.Elapsed < Patience, $"The mail took {clock.Elapsed}.");
        var mail = Assert.Single(messages, m => m.MessageId == MailTestData.MessageIdOf(notification));

        var (email, expiresAt) = await ReadAsync(async db => (
            (await db.Registrants.SingleAsync(r => r.Id == top)).Email,
            (await db.Offers.SingleAsync(o => o.Id == offerId)).ExpiresAt));
        Assert.Equal(email, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal($"【打診】{request.Title}", mail.Subject);
        Assert.Equal("multipart/alternative", mail.Body?.ContentType.MimeType);
        var parts = mail.BodyParts.OfType<TextPart>().ToList();
        Assert.Equal(["text/plain", "text/html"], parts.Select(p => p.ContentType.MimeType));
        Assert.All(parts, p => Assert.Equal("utf-8", p.ContentType.Charset, ignoreCase: true));

        var text = mail.TextBody;
        Assert.Contains("次の依頼への参加を打診します。", text);
        Assert.Contains(request.Title, text);
        Assert.Contains($"■回答期限\n{TokyoDate(expiresAt)}", text);
        Assert.Contains("/me/offers", text);
        Assert.Contains("市民活動センターたちかわ", text);
        Assert.Contains(request.Title, mail.HtmlBody);
        Assert.Contains("href=\"http", mail.HtmlBody);
    }

    [Fact]
    public async Task AnAcceptedOfferTellsTheCoordinatorWhoSentItWithoutTheRegistrantsContact()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1));
        var top = await OfferTestData.TopCandidateAsync(App, request.Id);
        var offerId = await SendOfferAsync(request.Id, top);
        await using (var scope = ScopeAs.User(App.Services, Roles.Registrant, registrantId: top))
        {
            await scope.ServiceProvider.GetRequiredService<OfferService>().AcceptAsync(offerId);
        }
        var notification = Assert.Single(await MailTestData.NotificationsAboutAsync(App, [offerId], NotificationKind.OfferAnswered));

        var messages = await Server.WaitForAsync(all => all.Any(m => m.MessageId == MailTestData.MessageIdOf(notification)), Patience);
        var mail = Assert.Single(messages, m => m.MessageId == MailTestData.MessageIdOf(notification));
        Assert.Equal(Coordinator, Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal($"【打診：引き受け】{request.Title}", mail.Subject);
        var registrant = await ReadAsync(db => db.Registrants.SingleAsync(r => r.Id == top));
        Assert.Contains(registrant.Name, mail.TextBody);
        Assert.DoesNotContain(registrant.Email!, mail.TextBody);
        Assert.DoesNotContain(registrant.Email!, mail.HtmlBody);
    }

    [Fact]
    public async Task AnAddressTheServerRefusesEndsAsADeadLetterWithTheError()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 280));
        var registrantId = (await OfferTestData.FreeRegistrantsAsync(App, 1))[0];
        await ReadAsync(async db =>
        {
            var registrant = await db.Registrants.SingleAsync(r => r.Id == registrantId);
            registrant.UpdateProfile(registrant.Name, registrant.Furigana, $"refused-{Guid.NewGuid():N}@example.jp", registrant.Phone, registrant.HomeAreaId);
            return await db.SaveChangesAsync();
        });
        var offerIds = await OfferTestData.InsertOffersAsync(App, request.Id, [registrantId]);

        var failed = Assert.Single(await MailTestData.SettledAsync(App, offerIds, Patience));
        Assert.Equal(NotificationState.Failed, failed.State);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("550", failed.LastError);
        Assert.Empty(MailTestData.ById(Server, [failed]));
    }

    [Fact]
    public async Task ARowLeasedByAnInstanceThatStoppedIsTakenOverOnceItsLeaseRunsOut()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid(headcount: 1, daysAhead: 275));
        // Not the registrant whose address another test makes the server refuse.
        var free = await OfferTestData.FreeRegistrantsAsync(App, 10);
        var registrantId = await ReadAsync(db => db.Registrants.Where(r => free.Contains(r.Id) && !r.Email!.StartsWith("refused")).Select(r => r.Id).FirstAsync());
        var offerId = (await OfferTestData.InsertOffersAsync(App, request.Id, [registrantId]))[0];
        var leaseEnds = DateTimeOffset.UtcNow.AddSeconds(2);
        var orphan = await ReadAsync(async db =>
        {
            // As an instance that took the row and died would leave it.
            await using var transaction = await db.Database.BeginTransactionAsync();
            var row = new Notification(NotificationKind.OfferSent, RecipientKind.Registrant, registrantId.ToString(System.Globalization.CultureInfo.InvariantCulture), offerId, "email", Guid.NewGuid(), DateTimeOffset.UtcNow);
            db.Notifications.Add(row);
            await db.SaveChangesAsync();
            await db.Notifications.Where(n => n.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(n => n.LeaseOwner, "stopped-instance").SetProperty(n => n.LeaseExpiresAt, leaseEnds));
            await transaction.CommitAsync();
            return row;
        });

        // The row is recorded as sent with the rest of its batch, just after the mail went out.
        var sent = (await MailTestData.SettledAsync(App, [offerId], TimeSpan.FromSeconds(10))).Single(n => n.Id == orphan.Id);
        Assert.Single(Server.Messages(), m => m.MessageId == MailTestData.MessageIdOf(orphan));
        Assert.Equal(NotificationState.Sent, sent.State);
        Assert.True(sent.SentAt >= leaseEnds, $"Sent at {sent.SentAt}, before the lease ended at {leaseEnds}.");
    }

    private static string TokyoDate(DateTimeOffset instant)
    {
        var t = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        return $"{t.Year}年{t.Month}月{t.Day}日({"日月火水木金土"[(int)t.DayOfWeek]}) {t.Hour}:{t.Minute:00}";
    }
}
