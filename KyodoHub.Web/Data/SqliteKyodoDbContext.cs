using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Data;

/// <summary>
/// The SQLite flavour of <see cref="KyodoDbContext"/>; owns the SQLite migrations. SQLite has no
/// native instant type, so instants are stored as sortable integers, all of them in UTC.
/// </summary>
public sealed class SqliteKyodoDbContext(DbContextOptions<SqliteKyodoDbContext> options, IDomainEventDispatcher? dispatcher = null, TimeProvider? clock = null)
    : KyodoDbContext(options, dispatcher, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstants.BinaryConverter>();
    }
}
