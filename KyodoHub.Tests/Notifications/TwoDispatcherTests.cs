using KyodoHub.Core.Notifications;
using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.Notifications;

/// <summary>Two instances of the app on one PostgreSQL database, so one outbox, both delivering.</summary>
[Trait("Database", "PostgreSQL")]
public class TwoDispatcherTests
{
    private const int PerRequest = 125;
    private const int Total = 4 * PerRequest;

    [Fact]
    public async Task TwoInstancesOnOneOutboxDeliverEachOfFiveHundredNotificationsExactlyOnce()
    {
        var server = SmtpServer.Shared;
        await using var database = TestDatabase.CreatePostgres();
        await using var a = new KyodoAppFactory(database, server.AppSettings());
        await using var b = new KyodoAppFactory(database, server.AppSettings());
        a.Start();
        b.Start();

        // Half the offers are saved through each instance, so that both are nudged and both deliver:
        // two requests each, offered to the same registrants.
        var registrants = await OfferTestData.FreeRegistrantsAsync(a, PerRequest);
        Assert.Equal(PerRequest, registrants.Count);
        var saved = await Task.WhenAll(new[] { (a, 260), (a, 261), (b, 262), (b, 263) }.Select(async pair =>
        {
            var (app, daysAhead) = pair;
            var request = await TestRequests.PostAsync(app, TestRequests.Valid(headcount: 1, daysAhead: daysAhead));
            return await OfferTestData.InsertOffersAsync(app, request.Id, registrants);
        }));
        var offerIds = saved.SelectMany(ids => ids).ToList();

        var settled = await MailTestData.SettledAsync(a, offerIds, TimeSpan.FromSeconds(120));
        Assert.Equal(Total, settled.Count);
        Assert.All(settled, n => Assert.True(n.State == NotificationState.Sent, n.LastError));
        var delivered = MailTestData.ById(server, settled);
        Assert.Equal(Total, delivered.Count);
        Assert.All(delivered.Values, copies => Assert.Single(copies));
    }
}
