using System.Security.Cryptography;

namespace KyodoHub.Web.Hosting;

/// <summary>
/// The browser-side defences on every response: a Content-Security-Policy that lets Blazor Server
/// and MudBlazor run (scripts from this origin plus the one inline import map, carried by a
/// per-request nonce; inline styles, which MudBlazor sets on elements; connections, the circuit's
/// websocket among them, to this origin and the configured public ones only), no framing, no MIME
/// sniffing, no referrer to other sites.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, PublicOrigins origins)
{
    private const string NonceKey = "kh-csp-nonce";

    /// <summary>The nonce that lets this response's own inline script (the import map) run.</summary>
    public static string NonceOf(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public Task InvokeAsync(HttpContext context)
    {
        // Hex, not base64: "+" and "/" would be entity-encoded in the page and no longer match the header byte for byte.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; " +
            $"script-src 'self' 'nonce-{nonce}'; " +
            "style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data:; " +
            "font-src 'self' data:; " +
            $"connect-src {origins.ConnectSources}; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        return next(context);
    }
}

/// <summary>
/// Refuses a websocket or SignalR request to the hubs (and the Blazor circuit) that a page on
/// another origin started: browsers send cookies with cross-site websockets, so without this a
/// hostile page could listen in on a signed-in coordinator's feed. Clients that are not browsers
/// send no Origin and are judged by their API key as before. Behind a proxy the Host the app sees
/// may lack the port the browser used, so the configured public origins count as its own too.
/// </summary>
internal sealed class SameOriginRealtime(RequestDelegate next, PublicOrigins origins)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if ((path.StartsWithSegments("/hubs") || path.StartsWithSegments("/_blazor"))
            && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin
            && !IsOwnOrigin(origin, context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        return next(context);
    }

    private bool IsOwnOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase) || origins.Contains(uri));
}
