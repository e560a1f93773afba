using Microsoft.AspNetCore.Diagnostics;

namespace KyodoHub.Web.Features.Calendar;

internal static class CalendarFeedEndpoint
{
    /// <summary>
    /// <c>GET /calendar/{token}.ics</c> for calendar apps, which cannot sign in: the token is the
    /// secret. An unknown or revoked token answers a bare 404, the same as a malformed one.
    /// </summary>
    public static void MapCalendarFeed(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/calendar/{token}.ics", async (string token, CalendarFeedReader reader, HttpContext context, CancellationToken cancellationToken) =>
        {
            context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            var headers = context.Response.Headers;
            headers.CacheControl = "private, no-cache";
            headers["X-Robots-Tag"] = "noindex";
            headers["Referrer-Policy"] = "no-referrer";
            var ics = await reader.ReadAsync(token, cancellationToken);
            return ics is null
                ? Results.NotFound()
                : Results.Text(ics, "text/calendar; charset=utf-8");
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
}
