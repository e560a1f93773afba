using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Data;

/// <summary>
/// Registers the database for the configured provider. Callers depend only on
/// <see cref="IDbContextFactory{KyodoDbContext}"/> (one context per operation) or, for Identity,
/// a scoped <see cref="KyodoDbContext"/>, so a new provider is added here without touching them.
/// </summary>
internal static class DatabaseRegistration
{
    public static IServiceCollection AddKyodoDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        if (!options.IsSqlite)
        {
            throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported. Use 'Sqlite'.");
        }

        var connectionString = SqliteConnectionString(options, environment);
        services.AddDbContextFactory<SqliteKyodoDbContext>(db => db
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas()));
        services.AddSingleton<IDbContextFactory<KyodoDbContext>>(sp =>
            new UpcastFactory<SqliteKyodoDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteKyodoDbContext>>()));
        services.AddScoped<KyodoDbContext>(sp => sp.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>The SQLite connection string, creating the folder of the default file when needed.</summary>
    public static string SqliteConnectionString(DatabaseOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }
        var folder = Path.Combine(environment.ContentRootPath, "App_Data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "kyodohub.db"),
            Pooling = true,
        }.ToString();
    }

    private sealed class UpcastFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<KyodoDbContext>
        where T : KyodoDbContext
    {
        public KyodoDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
