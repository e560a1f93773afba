using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using KyodoHub.Core.Audit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Admin;
using KyodoHub.Web.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Durability;

/// <summary>SQLite-specific on purpose: the online backup API copies a SQLite file. Its own SQLite app in both runs of the suite.</summary>
public class BackupTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private const string LoadAction = "BackupLoadProbe";

    private KyodoAppFactory App => fixture.App;

    [Fact]
    public async Task AnAdministratorsBackupTakenUnderWriteLoadIsIntactHoldsEveryEarlierRowAndRestores()
    {
        var request = await TestRequests.PostAsync(App, TestRequests.Valid());
        BackupResult backup;
        long[] committedBefore;
        await using (var load = WriteLoad.Start(App))
        {
            await load.WaitForAsync(20);
            committedBefore = load.Committed;
            await using var scope = ScopeAs.User(App.Services, Roles.Administrator, userName: "admin@kyodohub.example");
            backup = await scope.ServiceProvider.GetRequiredService<DatabaseBackup>().BackUpNowAsync();
            var during = load.Committed.Length;
            await load.WaitForAsync(during + 5);
        }

        Assert.StartsWith(App.BackupFolder, backup.Path, StringComparison.Ordinal);
        Assert.Equal("ok", Sqlite.Scalar(backup.Path, "PRAGMA integrity_check;"));
        Assert.Empty(committedBefore.Except(Sqlite.Longs(backup.Path, $"SELECT Id FROM AuditEntries WHERE Action = '{LoadAction}'")));
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync())
        {
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == DatabaseBackup.AuditAction && e.UserName == "admin@kyodohub.example" && e.Detail == Path.GetFileName(backup.Path)));
        }

        // Restore: an app started on a copy of the backup serves what was saved before it.
        var restored = Path.Combine(Path.GetTempPath(), $"kyodohub-restored-{Guid.NewGuid():N}.db");
        File.Copy(backup.Path, restored);
        await using (var app = new KyodoAppFactory(TestDatabase.SqliteFile(restored), dropWithApp: true))
        {
            app.Start();
            using var client = TestRequests.ApiClient(app);
            using var response = await client.GetAsync($"/api/requests/{request.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(request.Title, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.DeskStaff)]
    [InlineData(Roles.Coordinator)]
    public async Task OnlyAdministratorsMayBackUp(string role)
    {
        await using var scope = ScopeAs.User(App.Services, role);
        await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<DatabaseBackup>().BackUpNowAsync());
    }

    [Fact]
    public async Task TheAdminPageOffersTheBackupButton()
    {
        using var client = App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Administrator), DemoUsers.Password);
        Assert.Contains("data-testid=\"backup-now\"", await client.GetStringAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBackupCommandCopiesTheRunningDatabaseAndExits()
    {
        var target = Path.Combine(App.BackupFolder, "from-command-line.db");
        long[] committedBefore;
        await using (var load = WriteLoad.Start(App))
        {
            await load.WaitForAsync(10);
            committedBefore = load.Committed;
            var web = Path.Combine(AppContext.BaseDirectory, "KyodoHub.Web.dll");
            var start = new ProcessStartInfo("dotnet", ["exec", web, "--backup", target])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Database__ConnectionString"] = $"Data Source={App.DatabasePath}";
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, output + errors);
            Assert.Contains(target, output, StringComparison.Ordinal);
        }
        Assert.Equal("ok", Sqlite.Scalar(target, "PRAGMA integrity_check;"));
        Assert.Empty(committedBefore.Except(Sqlite.Longs(target, $"SELECT Id FROM AuditEntries WHERE Action = '{LoadAction}'")));
    }

    /// <summary>Writers that keep committing rows, one per transaction, until disposed.</summary>
    private sealed class WriteLoad : IAsyncDisposable
    {
        private readonly ConcurrentQueue<long> _committed = new();
        private readonly CancellationTokenSource _stop = new();
        private Task _loop = Task.CompletedTask;

        public long[] Committed => _committed.ToArray();

        public static WriteLoad Start(KyodoAppFactory app)
        {
            var load = new WriteLoad();
            load._loop = Task.Run(() => load.RunAsync(app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>()));
            return load;
        }

        public async Task WaitForAsync(int count)
        {
            var deadline = Stopwatch.StartNew();
            while (_committed.Count < count)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "the write load made no progress");
                Assert.False(_loop.IsFaulted, _loop.Exception?.ToString());
                await Task.Delay(10);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }

        private async Task RunAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<KyodoDbContext> factory)
        {
            while (!_stop.IsCancellationRequested)
            {
                await using var db = await factory.CreateDbContextAsync();
                var entry = new AuditEntry(TimeProvider.System.GetUtcNow(), null, "load", LoadAction, "Probe", null, null, new string('y', 300));
                db.AuditEntries.Add(entry);
                await db.SaveChangesAsync();
                _committed.Enqueue(entry.Id);
            }
        }
    }
}

/// <summary>Reads a SQLite file directly, as someone restoring a backup would.</summary>
internal static class Sqlite
{
    public static string Scalar(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }

    public static HashSet<long> Longs(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new HashSet<long>();
        while (reader.Read())
        {
            values.Add(reader.GetInt64(0));
        }
        return values;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
