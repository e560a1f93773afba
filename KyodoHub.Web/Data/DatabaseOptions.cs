namespace KyodoHub.Web.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSQL</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// The connection string. For SQLite, when empty, the file <c>App_Data/kyodohub.db</c> under the
    /// app's content root is used; PostgreSQL needs one (Npgsql form: <c>Host=…;Database=…;Username=…</c>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Fill a new database with demo data (on in Development and the README run; refused at start-up in any other environment).</summary>
    public bool SeedDemoData { get; set; }

    public bool IsSqlite => string.Equals(Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);

    public bool IsPostgreSql => string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
}
