using System.Diagnostics;
using System.Text.Json;
using KyodoHub.Benchmarks.Registry;
using KyodoHub.Core.Matching;
using KyodoHub.Core.Notifications;
using KyodoHub.Core.Offers;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Benchmarks.Notifications;

/// <summary>
/// <c>notifications [--count N]</c>: starts the SMTP server the tests use (Debian's aiosmtpd,
/// writing to a Maildir) on a free loopback port and the app on a new demo database, commits N
/// offers (10,000 by default) in saves of 100, as coordinators sending them would, each save
/// writing its outbox rows, and lets the app's dispatcher drain the outbox to the server. Prints
/// one JSON line: mails per second from the first commit to the last delivery, and the time from
/// each row's commit to its delivery (median, p99, worst).
/// </summary>
internal sealed class NotificationBenchmark : IBenchmarkMode
{
    private const int PerSave = 100;

    public string Name => "notifications";

    public string Usage => "notifications [--count N]";

    public int Run(IReadOnlyList<string> args)
    {
        if (Options.PositiveInt(args, "--count", 10_000) is not { } count)
        {
            Console.Error.WriteLine($"usage: {Usage}");
            return 2;
        }
        return RunAsync(count).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int count)
    {
        var database = Path.Combine(Path.GetTempPath(), $"kyodohub-bench-mail-{Guid.NewGuid():N}.db");
        await using var smtp = await LocalSmtpServer.StartAsync();
        try
        {
            await using var app = await InProcessApp.StartAsync(database, demoData: true, new Dictionary<string, string>
            {
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:Security"] = "None",
                ["Smtp:From"] = "市民活動センターたちかわ <noreply@kyodohub.example>",
            });
            var factory = app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>();
            var clock = Stopwatch.StartNew();
            await CommitOffersAsync(factory, count);
            var committed = clock.Elapsed;

            List<(DateTimeOffset CreatedAt, DateTimeOffset? SentAt, NotificationState State)> rows;
            while (true)
            {
                await using var db = await factory.CreateDbContextAsync();
                var pending = await db.Notifications.CountAsync(n => n.State == NotificationState.Pending);
                if (pending == 0)
                {
                    rows = (await db.Notifications.AsNoTracking().Select(n => new { n.CreatedAt, n.SentAt, n.State }).ToListAsync())
                        .Select(n => (n.CreatedAt, n.SentAt, n.State)).ToList();
                    break;
                }
                if (clock.Elapsed > TimeSpan.FromMinutes(15))
                {
                    Console.Error.WriteLine($"{pending} notifications still pending after 15 minutes.");
                    return 1;
                }
                await Task.Delay(200);
            }
            var sent = rows.Where(r => r.State == NotificationState.Sent).ToList();
            var latencies = sent.Select(r => (r.SentAt!.Value - r.CreatedAt).TotalMilliseconds).Order().ToList();
            var span = sent.Max(r => r.SentAt!.Value) - rows.Min(r => r.CreatedAt);
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                notifications = rows.Count,
                sent = sent.Count,
                failed = rows.Count - sent.Count,
                delivered = smtp.Count(),
                commitSeconds = Math.Round(committed.TotalSeconds, 1),
                drainSeconds = Math.Round(span.TotalSeconds, 1),
                mailsPerSecond = Math.Round(sent.Count / span.TotalSeconds, 1),
                commitToDeliveryMedianMs = Math.Round(Percentile(latencies, 0.50)),
                commitToDeliveryP99Ms = Math.Round(Percentile(latencies, 0.99)),
                commitToDeliveryMaxMs = Math.Round(latencies[^1]),
            }));
            return sent.Count == count && smtp.Count() == count ? 0 : 1;
        }
        finally
        {
            LocalApp.DeleteDatabase(database);
        }
    }

    /// <summary>Offers of the demo's requests to its registrants, each pair once, <see cref="PerSave"/> per save: what is measured is the outbox, not the offers.</summary>
    private static async Task CommitOffersAsync(IDbContextFactory<KyodoDbContext> factory, int count)
    {
        List<int> requests, registrants;
        await using (var db = await factory.CreateDbContextAsync())
        {
            requests = await db.Requests.Select(r => r.Id).ToListAsync();
            registrants = await db.Registrants.Select(r => r.Id).ToListAsync();
        }
        if (requests.Count * registrants.Count < count)
        {
            throw new InvalidOperationException($"The demo has only {requests.Count * registrants.Count} request–registrant pairs.");
        }
        var pairs = requests.SelectMany(request => registrants.Select(registrant => (request, registrant))).Take(count).ToList();
        foreach (var chunk in pairs.Chunk(PerSave))
        {
            await using var db = await factory.CreateDbContextAsync();
            var now = DateTimeOffset.UtcNow;
            db.Offers.AddRange(chunk.Select(p => new Offer(p.request, p.registrant, 0.5, ScoreBreakdown.Zero, "benchmark", now, now.AddHours(48))));
            await db.SaveChangesAsync();
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
