namespace KyodoHub.Web.Hosting;

/// <summary>
/// The paths machines call: the JSON API and the SignalR hub. They get status codes, problem
/// details and the caller's Accept-Language instead of pages, redirects and the culture cookie.
/// </summary>
internal static class MachinePaths
{
    public const string Api = "/api";
    public const string Hubs = "/hubs";

    public static bool IsApi(this HttpRequest request) => request.Path.StartsWithSegments(Api);

    public static bool IsMachine(this HttpRequest request) => request.IsApi() || request.Path.StartsWithSegments(Hubs);
}
