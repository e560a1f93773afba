using System.Collections.Immutable;
using System.Globalization;

namespace KyodoHub.Web.Live;

/// <summary>
/// The language of whoever subscribed to a live source, put back around every call of its
/// handler. Live callbacks run on the broker's, Redis's or the connection's threads, whose culture
/// is not the circuit's; what a callback renders (through <c>InvokeAsync</c>, which carries the
/// culture on) must still be in the language the user chose. Every live source in this folder keeps
/// its subscribers through <see cref="SubscriberList{THandler}"/>, so no page can forget it.
/// </summary>
public sealed record SubscriberCulture(CultureInfo Culture, CultureInfo UICulture)
{
    /// <summary>The culture of the code running now: the circuit's, when a component subscribes.</summary>
    public static SubscriberCulture Current => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary>Runs <paramref name="callback"/> and whatever it awaits in this culture; the caller's stays as it was.</summary>
    public async Task RunAsync(Func<Task> callback)
    {
        // An async method's changes to the culture end with it: the caller's thread is untouched.
        Enter();
        await callback();
    }

    /// <summary>Runs <paramref name="callback"/> in this culture, then puts the caller's back.</summary>
    public void Run(Action callback)
    {
        var before = Current;
        Enter();
        try
        {
            callback();
        }
        finally
        {
            before.Enter();
        }
    }

    private void Enter()
    {
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = UICulture;
    }
}

/// <summary>A live source's subscribers, each with the culture it subscribed in; safe to change while it is read.</summary>
public sealed class SubscriberList<THandler> where THandler : Delegate
{
    private ImmutableList<(THandler Handler, SubscriberCulture Culture)> _entries = [];

    public ImmutableList<(THandler Handler, SubscriberCulture Culture)> Entries => _entries;

    public bool IsEmpty => _entries.IsEmpty;

    /// <summary>Adds the handler with the current culture; disposing the result removes it again.</summary>
    public IDisposable Add(THandler handler)
    {
        var entry = (handler, SubscriberCulture.Current);
        ImmutableInterlocked.Update(ref _entries, l => l.Add(entry));
        return new Subscription(() => ImmutableInterlocked.Update(ref _entries, l => l.Remove(entry)));
    }

    /// <summary>Removes the handler added last with this delegate (as <c>-=</c> on an event does).</summary>
    public void Remove(THandler handler) =>
        ImmutableInterlocked.Update(ref _entries, l => l.FindLastIndex(e => e.Handler.Equals(handler)) is var at and >= 0 ? l.RemoveAt(at) : l);

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
