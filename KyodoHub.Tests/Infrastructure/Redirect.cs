namespace KyodoHub.Tests.Infrastructure;

internal static class Redirect
{
    /// <summary>The path and query a redirect points to, whether the Location is absolute or relative.</summary>
    public static string? PathOf(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery
        : location.OriginalString;
}
