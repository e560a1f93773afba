using Microsoft.AspNetCore.Components;

namespace KyodoHub.Web.Components;

/// <summary>Renders nothing; hands an exception to the <see cref="LiveBoundary"/> it sits in.</summary>
public sealed class LiveFault : ComponentBase
{
    public Task RaiseAsync(Exception exception) => InvokeAsync(() => DispatchExceptionAsync(exception));
}
