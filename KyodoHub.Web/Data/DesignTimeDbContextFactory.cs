using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KyodoHub.Web.Data;

/// <summary>Lets the EF tools build the SQLite context to add migrations.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKyodoDbContext>
{
    public SqliteKyodoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKyodoDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>
/// Lets the EF tools build the PostgreSQL context to add migrations. Adding a migration needs no
/// server; the connection string is only a placeholder.
/// </summary>
internal sealed class NpgsqlDesignTimeFactory : IDesignTimeDbContextFactory<NpgsqlKyodoDbContext>
{
    public NpgsqlKyodoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NpgsqlKyodoDbContext>().UseNpgsql("Host=localhost;Database=kyodohub_design").Options);
}
