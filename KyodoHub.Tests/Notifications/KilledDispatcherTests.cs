using KyodoHub.Core.Notifications;
using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.Notifications;

/// <summary>The app killed with SIGKILL in the middle of delivering: nothing in the outbox is lost.</summary>
public class KilledDispatcherTests
{
    private const int Pending = 200;

    [Fact]
    public async Task AfterAKillAndARestartAllTwoHundredPendingNotificationsAreDeliveredAndOnlyThoseInFlightTwice()
    {
        await using var database = TestDatabase.Create();
        await using var server = await SmtpServer.StartOwnAsync();
        // This instance has no mail server configured: it writes the outbox and delivers nothing.
        await using var app = new KyodoAppFactory(database);
        app.Start();
        var registrants = await OfferTestData.FreeRegistrantsAsync(app, Pending / 2);
        var offerIds = new List<int>();
        foreach (var daysAhead in new[] { 250, 251 })
        {
            var request = await TestRequests.PostAsync(app, TestRequests.Valid(headcount: 1, daysAhead: daysAhead));
            offerIds.AddRange(await OfferTestData.InsertOffersAsync(app, request.Id, registrants));
        }
        var rows = await MailTestData.NotificationsAboutAsync(app, offerIds);
        Assert.Equal(Pending, rows.Count);

        var settings = server.AppSettings();
        settings["Notifications:LeaseSeconds"] = "2"; // the killed instance's rows are taken over soon after
        await using (var first = await AppProcess.StartAsync(database, settings))
        {
            await WaitUntilAsync(() => server.Count() >= Pending / 4, first);
            await first.KillAsync();
        }
        var beforeRestart = MailTestData.ById(server, rows).Count;
        Assert.InRange(beforeRestart, Pending / 4, Pending - 1);

        await using (var second = await AppProcess.StartAsync(database, settings))
        {
            var settled = await MailTestData.SettledAsync(app, offerIds, TimeSpan.FromSeconds(90));
            Assert.All(settled, n => Assert.True(n.State == NotificationState.Sent, $"{n.Id}: {n.State} {n.LastError}"));
        }
        var delivered = MailTestData.ById(server, rows);
        Assert.Equal(Pending, delivered.Count);
        // A message can only go twice if it was in flight at the kill: leased by the killed
        // instance and handed to the server, but not yet marked sent. That is one batch at most.
        var twice = delivered.Values.Count(copies => copies.Count > 1);
        Assert.All(delivered.Values, copies => Assert.InRange(copies.Count, 1, 2));
        Assert.True(twice <= new Web.Features.Notifications.NotificationOptions().BatchSize, $"{twice} messages were delivered twice");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, AppProcess process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.False(process.HasExited, "the app exited by itself");
            Assert.True(DateTime.UtcNow < deadline, "the app delivered too little within a minute");
            await Task.Delay(10);
        }
    }
}
