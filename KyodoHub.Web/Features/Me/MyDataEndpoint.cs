using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;

namespace KyodoHub.Web.Features.Me;

internal static class MyDataEndpoint
{
    public const string Path = "/me/data/export";

    /// <summary>
    /// <c>GET /me/data/export</c>: the signed-in registrant's data as a JSON file. A plain download
    /// (no script needed); the cookie says who is asking, and only their own record is read.
    /// </summary>
    public static void MapMyDataExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (CurrentUser currentUser, MyDataService data, TimeProvider clock, HttpContext context, CancellationToken cancellationToken) =>
        {
            if ((await currentUser.GetAsync()).RegistrantId is not { } registrantId)
            {
                return Results.NotFound();
            }
            var export = await data.ExportAsync(registrantId, cancellationToken);
            context.Response.Headers.CacheControl = "no-store";
            var date = TokyoTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return Results.File(MyDataService.ToJson(export), "application/json", $"kyodohub-my-data-{date}.json");
        })
        .RequireAuthorization(policy => policy.RequireRole(Roles.Registrant))
        .ExcludeFromDescription();
}
