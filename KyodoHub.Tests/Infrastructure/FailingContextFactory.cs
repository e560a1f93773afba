using System.Data.Common;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// Makes the app's own contexts (same provider, same database, same event dispatcher) with one
/// more interceptor: one that fails the first command writing to <paramref name="table"/>, as a
/// disk or network failure would in the middle of a save.
/// </summary>
internal sealed class FailingContextFactory(IServiceProvider services, string table) : IDbContextFactory<KyodoDbContext>
{
    public const string Failure = "simulated failure in the middle of a save";

    private readonly FailOnInsert _interceptor = new(table);

    /// <summary>Whether the failure has happened.</summary>
    public bool Failed => _interceptor.Failed;

    public KyodoDbContext CreateDbContext()
    {
        using var probe = services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContext();
        var type = probe.GetType();
        var options = ((IInfrastructure<IServiceProvider>)probe).Instance.GetRequiredService<IDbContextOptions>();
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type), options)!;
        builder.AddInterceptors(_interceptor);
        return (KyodoDbContext)Activator.CreateInstance(type, builder.Options, services.GetRequiredService<IDomainEventDispatcher>(), services.GetRequiredService<TimeProvider>())!;
    }

    private sealed class FailOnInsert(string table) : DbCommandInterceptor
    {
        public bool Failed { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            FailIfTargeted(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            FailIfTargeted(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void FailIfTargeted(DbCommand command)
        {
            if (!Failed && command.CommandText.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal))
            {
                Failed = true;
                throw new InvalidOperationException(Failure);
            }
        }
    }
}
