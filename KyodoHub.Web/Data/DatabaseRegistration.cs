using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Data;

/// <summary>
/// Registers the database for the configured provider. Callers depend only on
/// <see cref="IDbContextFactory{KyodoDbContext}"/> (one context per operation) or, for Identity,
/// a scoped <see cref="KyodoDbContext"/>, so a new provider is added here without touching them.
/// The data-protection keys are kept in the same database.
/// </summary>
internal static class DatabaseRegistration
{
    public const string ApplicationName = "KyodoHub";

    public static IServiceCollection AddKyodoDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        Demo.DemoDataGuard.RefuseSeeding(options, environment);
        services.AddSingleton(options);
        if (options.IsSqlite)
        {
            var connectionString = SqliteConnectionString(options, environment);
            services.AddProviderContext<SqliteKyodoDbContext>(db => db
                .UseSqlite(connectionString)
                .AddInterceptors(new SqlitePragmas()));
        }
        else if (options.IsPostgreSql)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is 'PostgreSQL'.");
            }
            services.AddProviderContext<NpgsqlKyodoDbContext>(db => db.UseNpgsql(options.ConnectionString));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported. Use 'Sqlite' or 'PostgreSQL'.");
        }
        services.AddScoped<KyodoDbContext>(sp => sp.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContext());
        // Keys in the shared database and one application name: a cookie or antiforgery token
        // written by one instance is read by every other.
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<KyodoDbContext>();
        return services;
    }

    private static void AddProviderContext<T>(this IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where T : KyodoDbContext
    {
        services.AddDbContextFactory<T>(configure);
        services.AddSingleton<IDbContextFactory<KyodoDbContext>>(sp => new UpcastFactory<T>(sp.GetRequiredService<IDbContextFactory<T>>()));
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
