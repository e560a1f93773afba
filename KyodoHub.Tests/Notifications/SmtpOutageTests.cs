using KyodoHub.Core.Notifications;
using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.Notifications;

public class SmtpOutageTests
{
    [Fact]
    public async Task NotificationsDueWhileTheMailServerIsDownAreAllDeliveredOnceItIsBackAndNoneTwice()
    {
        await using var server = await SmtpServer.StartOwnAsync();
        await using var app = new KyodoAppFactory(settings: server.AppSettings());
        app.Start();
        await server.StopAsync();

        var request = await TestRequests.PostAsync(app, TestRequests.Valid(headcount: 1, daysAhead: 270));
        var offerIds = await OfferTestData.InsertOffersAsync(app, request.Id, await OfferTestData.FreeRegistrantsAsync(app, 30));
        // Every one has been tried, and failed, while the server was away.
        var tried = await MailTestData.SettledAsync(app, offerIds, TimeSpan.FromSeconds(30), n => n.Attempts >= 1);
        Assert.All(tried, n => Assert.Equal(NotificationState.Pending, n.State));
        Assert.All(tried, n => Assert.Contains("127.0.0.1", n.LastError));

        await server.StartAsync();
        var settled = await MailTestData.SettledAsync(app, offerIds, TimeSpan.FromSeconds(30));
        Assert.Equal(30, settled.Count);
        Assert.All(settled, n => Assert.True(n.State == NotificationState.Sent, n.LastError));
        var delivered = MailTestData.ById(server, settled);
        Assert.Equal(30, delivered.Count);
        Assert.All(delivered.Values, copies => Assert.Single(copies));
    }
}
