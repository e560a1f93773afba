using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Benchmarks;

/// <summary>
/// <c>signalr --clients N --requests M [--url URL --api-key KEY]</c>: connects N SignalR clients to
/// <c>/hubs/coordination</c>, posts M requests through the API and prints one JSON line with the
/// delivery latency from the start of each post to its receipt at every client. Without a URL it
/// starts the app itself (Release build, a throw-away SQLite file with demo data) on a free
/// loopback port and stops it afterwards.
/// </summary>
internal sealed class SignalRLatency : IBenchmarkMode
{
    private const string DemoApiKey = "kh_demo_2026_kyodohub_api_key";

    public string Name => "signalr";

    public string Usage => "signalr --clients N --requests M [--url URL --api-key KEY]";

    public int Run(IReadOnlyList<string> args) => RunAsync([.. args]).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var clients = IntOption(args, "--clients", 200);
        var requests = IntOption(args, "--requests", 20);
        var url = Option(args, "--url");
        var apiKey = Option(args, "--api-key") ?? DemoApiKey;

        await using var app = url is null ? await LocalApp.StartAsync() : null;
        var baseUrl = new Uri(url ?? app!.BaseUrl);

        var sent = new ConcurrentDictionary<string, long>();
        var latencies = new ConcurrentBag<double>();
        var connections = new List<HubConnection>();
        try
        {
            for (var i = 0; i < clients; i++)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(baseUrl, "hubs/coordination"), o => o.Headers.Add("X-Api-Key", apiKey))
                    .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
                    .Build();
                connection.On<CreatedEvent>("RequestCreated", e =>
                {
                    var received = Stopwatch.GetTimestamp();
                    if (e.Title is not null && sent.TryGetValue(e.Title, out var start))
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(start, received).TotalMilliseconds);
                    }
                });
                await connection.StartAsync();
                connections.Add(connection);
            }

            using var http = new HttpClient { BaseAddress = baseUrl };
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            var run = Guid.NewGuid().ToString("N")[..6];
            // Two posts first, not counted: the first ones pay for JIT compilation on both sides.
            for (var w = 0; w < 2; w++)
            {
                (await http.PostAsJsonAsync("/api/requests", NewRequest($"準備 {run}-{w}", w))).EnsureSuccessStatusCode();
            }
            await Task.Delay(500);
            for (var r = 0; r < requests; r++)
            {
                var title = $"遅延計測 {run}-{r}";
                sent[title] = Stopwatch.GetTimestamp();
                var response = await http.PostAsJsonAsync("/api/requests", NewRequest(title, r));
                response.EnsureSuccessStatusCode();
                await Task.Delay(50);
            }

            var expected = clients * requests;
            var deadline = Stopwatch.StartNew();
            while (latencies.Count < expected && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }

            var sorted = latencies.Order().ToArray();
            var line = new
            {
                clients,
                requests,
                expected,
                delivered = sorted.Length,
                p50Ms = Percentile(sorted, 50),
                p95Ms = Percentile(sorted, 95),
                p99Ms = Percentile(sorted, 99),
                maxMs = sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 1),
            };
            Console.WriteLine(JsonSerializer.Serialize(line));
            return sorted.Length == expected ? 0 : 1;
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static object NewRequest(string title, int n)
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(400 + (n % 30)).AddHours(1), TimeSpan.Zero);
        return new
        {
            groupId = 1,
            title,
            description = "配信遅延の計測のための依頼です。",
            categoryId = 1,
            programs = new[] { "ChokottoVolunteer" },
            sessions = new[] { new { start, end = start.AddHours(2) } },
            areaId = 1,
            place = "計測会場",
            headcount = 1,
            fillBy = start.AddDays(-3),
        };
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)], 1);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private sealed record CreatedEvent(int RequestId, string? Title);
}
