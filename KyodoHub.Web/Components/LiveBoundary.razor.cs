using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;

namespace KyodoHub.Web.Components;

/// <summary>
/// Keeps a failure in one part of a page to that part: instead of ending the circuit, the part
/// shows a short message with a reference that is also logged with the exception, and a button
/// that reloads it. The rest of the page keeps working.
/// </summary>
public sealed partial class LiveBoundary
{
    private LiveFault? _fault;
    private string _reference = "";

    [Inject] private ILogger<LiveBoundary> Logger { get; set; } = null!;

    /// <summary>Reloads the part's data before it is shown again.</summary>
    [Parameter]
    public EventCallback Reloading { get; set; }

    /// <summary>
    /// Shows a failure of the live handler that feeds this part here (a handler runs in the page,
    /// outside the part, so the exception would otherwise reach the boundary around the page).
    /// </summary>
    public Task FailAsync(Exception exception)
    {
        if (CurrentException is null && _fault is { } fault)
        {
            return fault.RaiseAsync(exception);
        }
        // Already showing a failure: keep it, and log this one with a reference of its own.
        Log(exception);
        return Task.CompletedTask;
    }

    protected override Task OnErrorAsync(Exception exception)
    {
        _reference = Log(exception);
        return Task.CompletedTask;
    }

    private string Log(Exception exception)
    {
        var reference = RandomNumberGenerator.GetHexString(8, lowercase: true);
        Logger.LogError(exception, "Part of a page failed; the user sees reference {Reference}.", reference);
        return reference;
    }

    private async Task ReloadAsync()
    {
        await Reloading.InvokeAsync();
        Recover();
    }
}
