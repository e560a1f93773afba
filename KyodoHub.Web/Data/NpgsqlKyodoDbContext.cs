using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Data;

/// <summary>
/// The PostgreSQL flavour of <see cref="KyodoDbContext"/>; owns the PostgreSQL migrations.
/// Instants go to <c>timestamptz</c>, which Npgsql writes only at offset zero: they are turned to
/// UTC on the way in (the app shows them in Tokyo time through <c>TokyoTime</c> anyway). Text
/// compares and sorts by code point, as in SQLite, so that searches and lists behave the same
/// on both databases whatever the server's locale.
/// </summary>
public sealed class NpgsqlKyodoDbContext(DbContextOptions<NpgsqlKyodoDbContext> options, IDomainEventDispatcher? dispatcher = null, TimeProvider? clock = null)
    : KyodoDbContext(options, dispatcher, clock)
{
    public const string Collation = "C";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstants.Converter>();
        configurationBuilder.Properties<string>().UseCollation(Collation);
    }
}
