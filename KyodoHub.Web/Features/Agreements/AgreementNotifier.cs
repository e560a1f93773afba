using KyodoHub.Core.Agreements;

namespace KyodoHub.Web.Features.Agreements;

/// <summary>An agreement was drafted, revised or confirmed; pages that show it reload.</summary>
public sealed record AgreementNotice(int AgreementId, int RequestId, AgreementState State, int Version);

/// <summary>
/// Tells open pages that an agreement changed. Kept behind this interface so that it can be
/// carried by the app-wide event broker later without touching the pages.
/// </summary>
public interface IAgreementNotifier
{
    /// <summary>Calls <paramref name="onChange"/> for every change until the returned handle is disposed.</summary>
    IDisposable Subscribe(Func<AgreementNotice, Task> onChange);

    Task PublishAsync(AgreementNotice notice);
}

/// <summary>
/// In-process notifier (one server instance). Subscribers are components: they call back
/// through <c>InvokeAsync</c> and unsubscribe in <c>Dispose</c>. One failing subscriber does not
/// keep the notice from the others.
/// </summary>
internal sealed class AgreementNotifier(ILogger<AgreementNotifier> logger) : IAgreementNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Func<AgreementNotice, Task>> _subscribers = [];

    public IDisposable Subscribe(Func<AgreementNotice, Task> onChange)
    {
        lock (_gate)
        {
            _subscribers.Add(onChange);
        }
        return new Subscription(this, onChange);
    }

    public async Task PublishAsync(AgreementNotice notice)
    {
        Func<AgreementNotice, Task>[] targets;
        lock (_gate)
        {
            targets = [.. _subscribers];
        }
        foreach (var target in targets)
        {
            try
            {
                await target(notice);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "An agreement subscriber failed for agreement {AgreementId}.", notice.AgreementId);
            }
        }
    }

    private void Unsubscribe(Func<AgreementNotice, Task> onChange)
    {
        lock (_gate)
        {
            _subscribers.Remove(onChange);
        }
    }

    private sealed class Subscription(AgreementNotifier owner, Func<AgreementNotice, Task> onChange) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(onChange);
    }
}
