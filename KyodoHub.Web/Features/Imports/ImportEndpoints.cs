namespace KyodoHub.Web.Features.Imports;

internal static class ImportEndpoints
{
    /// <summary><c>GET /exports/registrants.csv</c> and <c>/exports/groups.csv</c>: UTF-8 with a BOM, for Excel.</summary>
    public static void MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/exports").RequireAuthorization(policy => policy.RequireRole(ImportRoles.Users.Split(',')));
        group.MapGet("/registrants.csv", async (ImportService imports, CancellationToken cancellationToken) =>
            Results.File(await imports.ExportAsync(ImportKind.Registrants, cancellationToken), CsvFiles.ContentType, "registrants.csv"));
        group.MapGet("/groups.csv", async (ImportService imports, CancellationToken cancellationToken) =>
            Results.File(await imports.ExportAsync(ImportKind.Groups, cancellationToken), CsvFiles.ContentType, "groups.csv"));
    }
}
