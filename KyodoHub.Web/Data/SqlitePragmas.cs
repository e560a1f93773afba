using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KyodoHub.Web.Data;

/// <summary>
/// Per-connection SQLite settings for durability and concurrency: every commit reaches the disk
/// (synchronous=FULL), writers wait for each other rather than fail at once (busy_timeout), and
/// foreign keys are enforced. WAL mode is persistent and set once when the database opens.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
