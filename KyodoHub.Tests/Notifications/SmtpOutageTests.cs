using KyodoHub.Core.Notifications;
using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.Notifications;

public class SmtpOutageTests
{
    private const int Due = 50;

    [Fact]
    public async Task FiftyNotificationsDueWhileTheMailServerIsDownForThirtySecondsAreAllDeliveredOnceItIsBackAndNoneTwice()
    {
        await using var server = await SmtpServer.StartOwnAsync();
        await using var app = new KyodoAppFactory(settings: server.AppSettings());
        app.Start();
        await server.StopAsync();
        var down = System.Diagnostics.Stopwatch.StartNew();

        var request = await TestRequests.PostAsync(app, TestRequests.Valid(headcount: 1, daysAhead: 270));
        var offerIds = await OfferTestData.InsertOffersAsync(app, request.Id, await OfferTestData.FreeRegistrantsAsync(app, Due));
        // Every one has been tried, and failed, while the server was away.
        var tried = await MailTestData.SettledAsync(app, offerIds, TimeSpan.FromSeconds(30), n => n.Attempts >= 1);
        Assert.All(tried, n => Assert.Equal(NotificationState.Pending, n.State));
        Assert.All(tried, n => Assert.Contains("127.0.0.1", n.LastError));
        await Task.Delay(TimeSpan.FromSeconds(30) - down.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);

        await server.StartAsync();
        var settled = await MailTestData.SettledAsync(app, offerIds, TimeSpan.FromSeconds(30));
        Assert.Equal(Due, settled.Count);
        Assert.All(settled, n => Assert.True(n.State == NotificationState.Sent, n.LastError));
        Assert.All(settled, n => Assert.True(n.Attempts > 1, "each was tried during the outage and again after it"));
        var delivered = MailTestData.ById(server, settled);
        Assert.Equal(Due, delivered.Count);
        Assert.All(delivered.Values, copies => Assert.Single(copies));
    }
}
