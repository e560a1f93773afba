using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// Holds the first command it is told to until the test lets it go, as a slow disk or a long
/// import would: for seeing what the rest of the app does while a save is in the middle.
/// </summary>
internal sealed class HeldCommandInterceptor(Func<DbCommand, bool> holds) : DbCommandInterceptor
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>Completes when the held command has been reached.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets the held command (and any later one) run.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Whether a command's parameters carry <paramref name="value"/>.</summary>
    public static bool Carries(DbCommand command, string value) => command.Parameters.Cast<DbParameter>().Any(p => value.Equals(p.Value));

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await HoldIfTargetedAsync(command);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await HoldIfTargetedAsync(command);
        return result;
    }

    private async Task HoldIfTargetedAsync(DbCommand command)
    {
        if (Volatile.Read(ref _held) == 0 && holds(command) && Interlocked.Exchange(ref _held, 1) == 0)
        {
            _reached.TrySetResult();
            await _released.Task;
        }
    }
}
