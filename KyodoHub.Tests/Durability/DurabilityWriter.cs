using System.Globalization;
using KyodoHub.Web.Data;
using Microsoft.Data.Sqlite;

namespace KyodoHub.Tests.Durability;

/// <summary>
/// The child process of <see cref="CrashTests"/>: on a database the app created (so in WAL mode),
/// with the app's per-connection settings (synchronous=FULL and the rest), commits three rows per
/// transaction in a loop and prints each row's id only after its commit has returned, until it is
/// killed. Plain ADO.NET, so that a child starts in a fraction of a second.
/// </summary>
internal static class DurabilityWriter
{
    public const string Mode = "durability-writer";
    public const string Table = "DurabilityProbe";
    public const int RowsPerTransaction = 3;

    public static int Run(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, SqlitePragmas.Pragmas);
        Execute(connection, $"CREATE TABLE IF NOT EXISTS {Table} (Id INTEGER PRIMARY KEY AUTOINCREMENT, Run TEXT NOT NULL, Txn INTEGER NOT NULL, Payload TEXT NOT NULL);");
        var run = Guid.NewGuid().ToString("N")[..8];
        var payload = new string('x', 2000);
        var ids = new long[RowsPerTransaction];
        for (var transaction = 0; ; transaction++)
        {
            using (var tx = connection.BeginTransaction())
            {
                for (var i = 0; i < RowsPerTransaction; i++)
                {
                    using var insert = connection.CreateCommand();
                    insert.Transaction = tx;
                    insert.CommandText = $"INSERT INTO {Table} (Run, Txn, Payload) VALUES ($run, $txn, $payload) RETURNING Id;";
                    insert.Parameters.AddWithValue("$run", run);
                    insert.Parameters.AddWithValue("$txn", transaction);
                    insert.Parameters.AddWithValue("$payload", payload);
                    ids[i] = (long)insert.ExecuteScalar()!;
                }
                tx.Commit();
            }
            foreach (var id in ids)
            {
                Console.Out.WriteLine(id.ToString(CultureInfo.InvariantCulture));
            }
            Console.Out.Flush();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>The test assembly run as a program, for the tests that need a child process.</summary>
internal static class TestsEntryPoint
{
    public static int Main(string[] args) => args switch
    {
        [DurabilityWriter.Mode, var path] => DurabilityWriter.Run(path),
        _ => 2,
    };
}
