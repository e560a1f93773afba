using System.Data.Common;
using KyodoHub.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>The app's own contexts (same provider, same database, same event dispatcher) with one more interceptor.</summary>
internal static class InterceptedContexts
{
    public static KyodoDbContext Create(IServiceProvider services, IInterceptor interceptor)
    {
        using var probe = services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContext();
        var type = probe.GetType();
        var options = ((IInfrastructure<IServiceProvider>)probe).Instance.GetRequiredService<IDbContextOptions>();
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type), options)!;
        builder.AddInterceptors(interceptor);
        return (KyodoDbContext)Activator.CreateInstance(type, builder.Options, services.GetRequiredService<IDomainEventDispatcher>(), services.GetRequiredService<TimeProvider>())!;
    }
}

/// <summary>An <see cref="IDbContextFactory{TContext}"/> of <see cref="InterceptedContexts"/>.</summary>
internal sealed class InterceptedContextFactory(IServiceProvider services, IInterceptor interceptor) : IDbContextFactory<KyodoDbContext>
{
    public KyodoDbContext CreateDbContext() => InterceptedContexts.Create(services, interceptor);
}

/// <summary>
/// Makes the app's own contexts (same provider, same database, same event dispatcher) with one
/// more interceptor: one that fails the first command it is told to, as a disk or network failure
/// would (by default the first writing to <c>table</c>, in the middle of a save).
/// </summary>
internal sealed class FailingContextFactory(IServiceProvider services, Func<DbCommand, bool> fails) : IDbContextFactory<KyodoDbContext>
{
    public const string Failure = "simulated failure in the middle of a save";

    private readonly FailOnce _interceptor = new(fails);

    public FailingContextFactory(IServiceProvider services, string table)
        : this(services, command => command.CommandText.Contains($"INSERT INTO \"{table}\"", StringComparison.Ordinal))
    {
    }

    /// <summary>Whether the failure has happened.</summary>
    public bool Failed => _interceptor.Failed;

    public KyodoDbContext CreateDbContext() => InterceptedContexts.Create(services, _interceptor);

    private sealed class FailOnce(Func<DbCommand, bool> fails) : DbCommandInterceptor
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
            if (!Failed && fails(command))
            {
                Failed = true;
                throw new InvalidOperationException(Failure);
            }
        }
    }
}
