namespace KyodoHub.Web.Features.Imports;

internal static class ImportEndpoints
{
    /// <summary>
    /// <c>GET /exports/registrants.csv</c> and <c>/exports/groups.csv</c>: UTF-8 with a BOM, for
    /// Excel, streamed to the client as the rows are read.
    /// </summary>
    public static void MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/exports").RequireAuthorization(policy => policy.RequireRole(ImportRoles.Users.Split(',')));
        group.MapGet("/registrants.csv", (ExportService exports, CancellationToken cancellationToken) => Export(exports, ImportKind.Registrants, cancellationToken));
        group.MapGet("/groups.csv", (ExportService exports, CancellationToken cancellationToken) => Export(exports, ImportKind.Groups, cancellationToken));
    }

    private static IResult Export(ExportService exports, ImportKind kind, CancellationToken cancellationToken) =>
        Results.Stream(body => exports.WriteAsync(kind, body, cancellationToken), CsvFiles.ContentType, ExportService.FileName(kind));
}
