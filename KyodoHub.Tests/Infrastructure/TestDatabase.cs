using Npgsql;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// A throw-away database for one test app: a SQLite file by default, or a PostgreSQL database on
/// the server that <c>./test.sh</c> starts when <c>KYODO_TEST_DATABASE=postgres</c>. Dropped or
/// deleted on dispose. A missing server is a failure, never a skip.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string DatabaseVariable = "KYODO_TEST_DATABASE";
    public const string PostgresVariable = "KYODO_TEST_POSTGRES";

    /// <summary>Whether this run of the suite is the PostgreSQL one.</summary>
    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable(DatabaseVariable), "postgres", StringComparison.OrdinalIgnoreCase);

    public abstract string Provider { get; }
    public abstract string ConnectionString { get; }

    /// <summary>A new empty database of the kind this run uses (created and migrated by the app).</summary>
    public static TestDatabase Create() => UsePostgres ? CreatePostgres() : new SqliteTestDatabase();

    /// <summary>A new SQLite file, whichever run this is.</summary>
    public static TestDatabase CreateSqlite() => new SqliteTestDatabase();

    /// <summary>The SQLite file at <paramref name="path"/> (new or existing), whichever run this is.</summary>
    public static TestDatabase SqliteFile(string path) => new SqliteTestDatabase(path);

    /// <summary>A new empty PostgreSQL database, whichever run this is.</summary>
    public static TestDatabase CreatePostgres() => new PostgresTestDatabase(PostgresServer());

    /// <summary>The server's connection string, without a database.</summary>
    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{PostgresVariable} is not set: run ./test.sh, which starts a PostgreSQL server for the tests.");

    public abstract ValueTask DisposeAsync();
}

internal sealed class SqliteTestDatabase(string? path = null) : TestDatabase
{
    private readonly string _path = path ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"kyodohub-test-{Guid.NewGuid():N}.db");

    public string Path => _path;

    public override string Provider => "Sqlite";
    public override string ConnectionString => $"Data Source={_path}";

    public override ValueTask DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS to clean from the temp folder.
            }
        }
        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresTestDatabase(string server) : TestDatabase
{
    private readonly string _name = $"kyodohub_test_{Guid.NewGuid():N}";

    public override string Provider => "PostgreSQL";
    public override string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = _name }.ToString();

    public override async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
