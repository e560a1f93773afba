using System.Globalization;
using KyodoHub.Core.Common;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Features.Admin;

/// <summary>The <c>Backup</c> configuration section.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where an administrator's backups go; <c>App_Data/backups</c> under the content root when empty.</summary>
    public string? Folder { get; set; }
}

public sealed record BackupResult(string Path, long Bytes);

/// <summary>
/// Copies the live SQLite database with SQLite's online backup API: the copy is one consistent
/// snapshot even while the app keeps writing (in WAL mode writers do not wait for it). The copy is
/// written beside its target and moved into place only when complete, so a failed backup never
/// leaves a half-written file under the real name.
/// </summary>
public sealed class DatabaseBackup(
    DatabaseOptions database, IHostEnvironment environment, IOptions<BackupOptions> options, CurrentUser currentUser, AuditLog audit, TimeProvider clock)
{
    public const string AuditAction = "Backup";

    /// <summary>Whether this database can be backed up here (SQLite); other databases use their own tools.</summary>
    public bool IsAvailable => database.IsSqlite;

    /// <summary>Backs up to a new timestamped file in the backup folder. Administrators only; audited.</summary>
    public async Task<BackupResult> BackUpNowAsync(CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Administrator);
        if (!IsAvailable)
        {
            throw new DomainRuleException("BackupUnavailable", "Only a SQLite database is backed up by the app.");
        }
        var folder = string.IsNullOrWhiteSpace(options.Value.Folder)
            ? Path.Combine(environment.ContentRootPath, "App_Data", "backups")
            : options.Value.Folder;
        var name = string.Create(CultureInfo.InvariantCulture, $"kyodohub-{TokyoTime.ToLocal(clock.GetUtcNow()):yyyyMMdd-HHmmss-fff}.db");
        var connectionString = DatabaseRegistration.SqliteConnectionString(database, environment);
        var result = await Task.Run(() => CopyTo(connectionString, Path.Combine(folder, name)), cancellationToken);
        await audit.RecordAsync(AuditAction, "Database", null, name, cancellationToken);
        return result;
    }

    /// <summary>Copies the database behind <paramref name="connectionString"/> to <paramref name="target"/>.</summary>
    public static BackupResult CopyTo(string connectionString, string target)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (!File.Exists(source.DataSource))
        {
            throw new FileNotFoundException($"There is no database at {source.DataSource}.", source.DataSource);
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        Directory.CreateDirectory(folder);
        var partial = target + ".partial";
        File.Delete(partial);
        using (var from = new SqliteConnection(source.ToString()))
        using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            from.Open();
            to.Open();
            from.BackupDatabase(to);
            // A single-file copy: restoring it must not depend on a -wal file beside it.
            using var command = to.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }
        File.Move(partial, target, overwrite: true);
        return new BackupResult(Path.GetFullPath(target), new FileInfo(target).Length);
    }
}

/// <summary>
/// <c>--backup &lt;file&gt;</c> on the command line: backs up the configured database while the
/// app may be running elsewhere, and exits.
/// </summary>
internal static class BackupCommand
{
    public const string Option = "--backup";

    /// <summary>The file given after <c>--backup</c>, or null when the option is absent.</summary>
    public static string? TargetOf(string[] args)
    {
        var at = Array.IndexOf(args, Option);
        if (at < 0)
        {
            return null;
        }
        return at + 1 < args.Length ? args[at + 1] : throw new ArgumentException($"{Option} needs the file to write, e.g. {Option} backups/kyodohub.db");
    }

    public static int Run(IServiceProvider services, string target)
    {
        var database = services.GetRequiredService<DatabaseOptions>();
        if (!database.IsSqlite)
        {
            Console.Error.WriteLine("Only a SQLite database is backed up by the app; use the database's own tools.");
            return 2;
        }
        try
        {
            var result = DatabaseBackup.CopyTo(DatabaseRegistration.SqliteConnectionString(database, services.GetRequiredService<IHostEnvironment>()), target);
            Console.WriteLine($"Backed up to {result.Path} ({result.Bytes} bytes).");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or SqliteException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Backup failed: {ex.Message}");
            return 1;
        }
    }
}
