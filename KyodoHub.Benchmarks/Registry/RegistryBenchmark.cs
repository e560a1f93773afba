using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KyodoHub.Core.Requests;
using KyodoHub.Web.Data;
using KyodoHub.Web.Data.Demo;
using KyodoHub.Web.Features.ApiKeys;
using KyodoHub.Web.Features.Desk;
using KyodoHub.Web.Features.Imports;
using KyodoHub.Web.Features.Matching;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Benchmarks.Registry;

/// <summary>
/// <c>registry --registrants N</c>: builds a demo database plus N registrants imported through the
/// import service in files of 10,000, then measures what a large city's registry asks of the app
/// and prints one JSON line: import time, registrants the live match index lacks, errors when the
/// export is read back by the import, the desk's searches, the first ranking after a restart (a
/// new process, timed from the moment it reports ready) and the export's time and memory, at the
/// full size and at about half of it.
/// </summary>
internal sealed partial class RegistryBenchmark : IBenchmarkMode
{
    private const int SearchRuns = 7;

    public string Name => "registry";

    public string Usage => "registry --registrants N";

    public int Run(IReadOnlyList<string> args)
    {
        if (Options.PositiveInt(args, "--registrants") is not { } count)
        {
            Console.Error.WriteLine($"usage: {Usage}");
            return 2;
        }
        var database = Path.Combine(Path.GetTempPath(), $"kyodohub-registry-{Guid.NewGuid():N}.db");
        var fresh = Path.Combine(Path.GetTempPath(), $"kyodohub-registry-fresh-{Guid.NewGuid():N}.db");
        try
        {
            Console.WriteLine(JsonSerializer.Serialize(RunAsync(count, database, fresh).GetAwaiter().GetResult()));
            return 0;
        }
        finally
        {
            LocalApp.DeleteDatabase(database);
            LocalApp.DeleteDatabase(fresh);
        }
    }

    private static async Task<object> RunAsync(int count, string database, string fresh)
    {
        double importMs, skillSearchMs, nameSearchMs;
        int missingFromIndex, requestId, imported = 0;
        (int Rows, double PeakMb)? half = null;
        string apiKey;
        await using (var app = await InProcessApp.StartAsync(database, demoData: true))
        {
            var factory = app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            var tags = await db.SkillTags.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
            var holder = app.Services.GetRequiredService<MatchIndexHolder>();
            await holder.GetAsync(); // The live index exists before the import, as in a running app.

            var watch = new Stopwatch();
            var importPreviewed = false;
            foreach (var file in RegistryFiles.Generate(count, areas, tags, DateTimeOffset.UtcNow))
            {
                await using var coordinator = app.As(Roles.Coordinator);
                var imports = coordinator.ServiceProvider.GetRequiredService<ImportService>();
                if (!importPreviewed)
                {
                    // A generated file the import refuses is the benchmark's fault: say why once, up front.
                    var preview = await imports.PreviewAsync(ImportKind.Registrants, file);
                    if (!preview.CanImport)
                    {
                        throw new InvalidOperationException($"The generated file is refused: {string.Join("; ", preview.Errors.Take(5))}");
                    }
                    importPreviewed = true;
                }
                watch.Start();
                imported += await imports.ImportAsync(ImportKind.Registrants, file);
                watch.Stop();
                if (half is null && imported * 2 >= count && imported < count)
                {
                    // The same export at about half the size, from an app of its own on the same file:
                    // constant memory means the same peak at both sizes.
                    await using var halfway = await LocalApp.StartAsync(database);
                    var (halfFile, _, halfPeak) = await ExportAsync(halfway);
                    half = (CsvFiles.Read(CsvFiles.Decode(halfFile)).Records.Count, halfPeak);
                }
            }
            importMs = watch.Elapsed.TotalMilliseconds;

            var index = await holder.GetAsync();
            missingFromIndex = (await db.Registrants.Select(r => r.Id).ToListAsync()).Count(id => !index.Contains(id));

            skillSearchMs = await MedianSearchMsAsync(app, tags[0].NameJa);
            nameSearchMs = await MedianSearchMsAsync(app, "やまだ");

            requestId = await db.Requests.Where(r => r.State == RequestState.Open).Select(r => r.Id).FirstAsync();
            await using var administrator = app.As(Roles.Administrator);
            apiKey = await administrator.ServiceProvider.GetRequiredService<ApiKeyService>().IssueAsync("registry benchmark", ApiScopes.All.ToList());
        }

        double firstRankMs, exportMs, exportPeakMb;
        byte[] export;
        await using (var restarted = await LocalApp.StartAsync(database))
        {
            using var http = new HttpClient { BaseAddress = new Uri(restarted.BaseUrl) };
            using var rank = new HttpRequestMessage(HttpMethod.Get, $"api/requests/{requestId}/candidates");
            rank.Headers.Add("X-Api-Key", apiKey);
            var watch = Stopwatch.StartNew();
            using (var ranked = await http.SendAsync(rank))
            {
                ranked.EnsureSuccessStatusCode();
                await ranked.Content.ReadAsByteArrayAsync();
            }
            firstRankMs = watch.Elapsed.TotalMilliseconds;
            (export, exportMs, exportPeakMb) = await ExportAsync(restarted);
        }

        int roundTripErrors;
        await using (var empty = await InProcessApp.StartAsync(fresh, demoData: false))
        {
            roundTripErrors = await RoundTripErrorsAsync(empty, export);
        }

        return new
        {
            registrants = count,
            importMsPer10k = Math.Round(importMs / count * RegistryFiles.RowsPerFile, 1),
            missingFromIndex,
            roundTripErrors,
            skillSearchMs = Math.Round(skillSearchMs, 1),
            nameSearchMs = Math.Round(nameSearchMs, 1),
            firstRankMsAfterRestart = Math.Round(firstRankMs, 1),
            exportMs = Math.Round(exportMs, 1),
            exportPeakMb = Math.Round(exportPeakMb, 1),
            exportRows = CsvFiles.Read(CsvFiles.Decode(export)).Records.Count,
            exportRowsHalf = half?.Rows,
            exportPeakMbHalf = half is { } h ? Math.Round(h.PeakMb, 1) : (double?)null,
        };
    }

    /// <summary>The median time of a new search (counted and its first page read) at the desk.</summary>
    private static async Task<double> MedianSearchMsAsync(InProcessApp app, string text)
    {
        var times = new List<double>();
        for (var i = 0; i <= SearchRuns; i++)
        {
            await using var desk = app.As(Roles.DeskStaff);
            var search = desk.ServiceProvider.GetRequiredService<RegistrantSearchService>();
            var watch = Stopwatch.StartNew();
            await search.SearchAsync(new RegistrantQuery(text));
            if (i > 0) // The first run warms the caches.
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        return times.Order().ElementAt(times.Count / 2);
    }

    /// <summary>
    /// Downloads the registrant export as a coordinator, sampling the app's resident memory the
    /// while; the peak is given as growth over what the app held before the export.
    /// </summary>
    private static async Task<(byte[] File, double Ms, double PeakMb)> ExportAsync(LocalApp app)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var page = await http.GetStringAsync("account/login");
        var coordinator = DemoAccounts.All.First(a => a.Role == Roles.Coordinator).Email;
        using var signIn = await http.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value),
            ["Input.Email"] = coordinator,
            ["Input.Password"] = DemoAccounts.Password,
        }));

        // A small export first, so that the code's first run (compiling queries, loading code) is
        // not counted as the registrant export's memory.
        _ = await http.GetByteArrayAsync("exports/groups.csv");
        var pid = app.AppProcessId;
        var baseline = ResidentBytes(pid);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentBytes(pid));
                await Task.Delay(5);
            }
        });
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync("exports/registrants.csv", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var file = await response.Content.ReadAsByteArrayAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        await stop.CancelAsync();
        await sampler;
        return (file, ms, (Math.Max(peak, ResidentBytes(pid)) - baseline) / 1024.0 / 1024.0);
    }

    /// <summary>Reads the export back through the import's preview on an empty registry, in files of the import's size.</summary>
    private static async Task<int> RoundTripErrorsAsync(InProcessApp app, byte[] export)
    {
        var (header, records) = CsvFiles.Read(CsvFiles.Decode(export));
        var errors = 0;
        foreach (var chunk in records.Chunk(RegistryFiles.RowsPerFile))
        {
            await using var coordinator = app.As(Roles.Coordinator);
            var preview = await coordinator.ServiceProvider.GetRequiredService<ImportService>()
                .PreviewAsync(ImportKind.Registrants, CsvFiles.Write(header, chunk.Select(r => r.Fields)));
            errors += preview.Errors.Count;
            foreach (var kind in preview.Errors.GroupBy(e => e.Column).Take(3))
            {
                await Console.Error.WriteLineAsync($"round trip: {kind.Count()} errors in {kind.Key}, e.g. {kind.First().Message}");
            }
        }
        return errors;
    }

    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
