using KyodoHub.Core.Notifications;
using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.Notifications;

/// <summary>Two instances of the app on one PostgreSQL database, so one outbox, both delivering.</summary>
[Trait("Database", "PostgreSQL")]
public class TwoDispatcherTests
{
    private const int PerInstance = 60;

    [Fact]
    public async Task TwoInstancesOnOneOutboxDeliverEachNotificationExactlyOnce()
    {
        var server = SmtpServer.Shared;
        await using var database = TestDatabase.CreatePostgres();
        await using var a = new KyodoAppFactory(database, server.AppSettings());
        await using var b = new KyodoAppFactory(database, server.AppSettings());
        a.Start();
        b.Start();

        // Half the offers are saved through each instance, so that both are nudged and both deliver.
        var registrants = await OfferTestData.FreeRegistrantsAsync(a, 2 * PerInstance);
        var requestA = await TestRequests.PostAsync(a, TestRequests.Valid(headcount: 1, daysAhead: 260));
        var requestB = await TestRequests.PostAsync(b, TestRequests.Valid(headcount: 1, daysAhead: 261));
        var saved = await Task.WhenAll(
            OfferTestData.InsertOffersAsync(a, requestA.Id, registrants.Take(PerInstance)),
            OfferTestData.InsertOffersAsync(b, requestB.Id, registrants.Skip(PerInstance)));
        var offerIds = saved.SelectMany(ids => ids).ToList();

        var settled = await MailTestData.SettledAsync(a, offerIds, TimeSpan.FromSeconds(60));
        Assert.Equal(2 * PerInstance, settled.Count);
        Assert.All(settled, n => Assert.True(n.State == NotificationState.Sent, n.LastError));
        Assert.All(settled, n => Assert.Equal(1, n.Attempts));
        var delivered = MailTestData.ById(server, settled);
        Assert.Equal(2 * PerInstance, delivered.Count);
        Assert.All(delivered.Values, copies => Assert.Single(copies));
    }
}
