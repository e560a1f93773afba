using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// Waits for an element and acts on it in one turn of the renderer. An element found earlier may
/// carry event handlers that a render in between has replaced (on PostgreSQL pages render a moment
/// after their data arrives), and acting on it then fails with an unknown event handler.
/// </summary>
internal static class RenderedActions
{
    /// <summary>How long to wait for renders that follow database work or events, on a busy machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static Task ClickAsync<T>(this IRenderedComponent<T> cut, string selector)
        where T : IComponent => cut.ActAsync(selector, e => e.Click());

    public static Task ChangeAsync<T>(this IRenderedComponent<T> cut, string selector, string value)
        where T : IComponent => cut.ActAsync(selector, e => e.Change(value));

    public static Task ChangeAsync<T>(this IRenderedComponent<T> cut, string selector, bool value)
        where T : IComponent => cut.ActAsync(selector, e => e.Change(value));

    public static Task SubmitAsync<T>(this IRenderedComponent<T> cut, string selector = "form")
        where T : IComponent => cut.ActAsync(selector, e => e.Submit());

    public static Task KeyDownAsync<T>(this IRenderedComponent<T> cut, string selector, KeyboardEventArgs key)
        where T : IComponent => cut.ActAsync(selector, e => e.KeyDown(key));

    /// <summary>Waits for the selector to find an element, then acts on the one it finds in the renderer's turn.</summary>
    public static Task ActAsync<T>(this IRenderedComponent<T> cut, string selector, Action<IElement> act)
        where T : IComponent
    {
        cut.WaitForElement(selector, Patience);
        return cut.ActAsync(c => c.Find(selector), act);
    }

    /// <summary>Acts on the element <paramref name="find"/> picks now, in the renderer's turn.</summary>
    public static Task ActAsync<T>(this IRenderedComponent<T> cut, Func<IRenderedComponent<T>, IElement> find, Action<IElement> act)
        where T : IComponent => cut.InvokeAsync(() => act(find(cut)));
}
