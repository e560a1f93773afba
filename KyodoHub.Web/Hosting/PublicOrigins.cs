namespace KyodoHub.Web.Hosting;

/// <summary>
/// The <c>PublicOrigins</c> setting: the addresses users type to reach the app
/// (<c>https://kyodohub.example</c>; several separated by semicolons), as a proxy in front of it
/// publishes them. The Content-Security-Policy lets the page connect to these and their
/// websockets only; a request's own Host header, which its sender chooses, never widens it.
/// </summary>
public sealed class PublicOrigins
{
    public const string Setting = "PublicOrigins";

    private PublicOrigins(IReadOnlyList<Uri> origins) => Origins = origins;

    public IReadOnlyList<Uri> Origins { get; }

    /// <summary>The sources of the policy's <c>connect-src</c>: this origin, and each public origin with its websocket.</summary>
    public string ConnectSources { get; private init; } = "'self'";

    public static PublicOrigins From(IConfiguration configuration)
    {
        var origins = SettingList.Of(configuration, Setting).Select(Parse).ToList();
        var sources = origins.SelectMany(o => new[] { Authority(o, o.Scheme), Authority(o, o.Scheme == Uri.UriSchemeHttps ? "wss" : "ws") });
        return new PublicOrigins(origins) { ConnectSources = string.Join(' ', sources.Prepend("'self'")) };
    }

    /// <summary>Whether a browser's Origin header names one of the public origins.</summary>
    public bool Contains(Uri origin) =>
        Origins.Any(o => string.Equals(o.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(o.Authority, origin.Authority, StringComparison.OrdinalIgnoreCase));

    private static string Authority(Uri origin, string scheme) => $"{scheme}://{origin.Authority}";

    private static Uri Parse(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri
            : throw new InvalidOperationException($"{Setting}: '{text}' is not an origin such as https://kyodohub.example.");
}
