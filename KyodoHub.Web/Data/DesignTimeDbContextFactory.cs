using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KyodoHub.Web.Data;

/// <summary>Lets the EF tools build the SQLite context to add migrations.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKyodoDbContext>
{
    public SqliteKyodoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKyodoDbContext>().UseSqlite("Data Source=design.db").Options);
}
