using System.Diagnostics;
using System.Globalization;
using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.Durability;

/// <summary>SQLite-specific on purpose: the file on disk is what survives a crash.</summary>
public class CrashTests
{
    [Fact]
    public async Task KillingAWriterTenTimesNeverLosesAnAcknowledgedWriteNorCorruptsTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kyodohub-crash-{Guid.NewGuid():N}.db");
        try
        {
            // A new database, migrated and switched to WAL by the app itself.
            await using (var app = new KyodoAppFactory(TestDatabase.SqliteFile(path), new Dictionary<string, string> { ["Database:SeedDemoData"] = "false" }))
            {
                app.Start();
            }
            Assert.Equal("wal", Sqlite.Scalar(path, "PRAGMA journal_mode;"));
            var acknowledged = new HashSet<long>();
            var random = new Random(20260401);
            for (var round = 0; round < 10; round++)
            {
                var wanted = random.Next(1, 60);
                var (seen, errors) = await RunAndKillAsync(path, wanted, TimeSpan.FromMilliseconds(random.Next(0, 25)), acknowledged);
                Assert.True(seen >= wanted, $"round {round}: the writer acknowledged {seen} of {wanted} writes before it was killed. {errors}");

                Assert.Equal("ok", Sqlite.Scalar(path, "PRAGMA integrity_check;"));
                var present = Sqlite.Longs(path, $"SELECT Id FROM {DurabilityWriter.Table}");
                Assert.Empty(acknowledged.Except(present));
                // Transactions are whole or absent: never some of a transaction's rows.
                var partial = Sqlite.Scalar(path, $"SELECT count(*) FROM (SELECT Run, Txn FROM {DurabilityWriter.Table} GROUP BY Run, Txn HAVING count(*) <> {DurabilityWriter.RowsPerTransaction});");
                Assert.Equal("0", partial);
            }
        }
        finally
        {
            await TestDatabase.SqliteFile(path).DisposeAsync();
        }
    }

    /// <summary>Starts the writer, lets it acknowledge <paramref name="wanted"/> writes and a little more time, then SIGKILLs it.</summary>
    private static async Task<(int Seen, string Errors)> RunAndKillAsync(string path, int wanted, TimeSpan extra, HashSet<long> acknowledged)
    {
        var start = new ProcessStartInfo(DotnetHost(), ["exec", typeof(DurabilityWriter).Assembly.Location, DurabilityWriter.Mode, path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(start)!;
        var errors = child.StandardError.ReadToEndAsync();
        var seen = 0;
        while (seen < wanted && await child.StandardOutput.ReadLineAsync() is { } line)
        {
            acknowledged.Add(long.Parse(line, CultureInfo.InvariantCulture));
            seen++;
        }
        await Task.Delay(extra);
        child.Kill(); // SIGKILL: no cleanup, no flush, as a power cut or the OOM killer would do.
        // What it printed before dying was acknowledged as well.
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            acknowledged.Add(long.Parse(line, CultureInfo.InvariantCulture));
        }
        await child.WaitForExitAsync();
        return (seen, await errors);
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
