using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Imports;
using KyodoHub.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Reports;

internal static class ReportEndpoints
{
    /// <summary><c>GET /reports/{chart}.csv</c>: one chart's numbers, UTF-8 with a BOM.</summary>
    public static void MapReportEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/reports/{chart}.csv", async (string chart, int? year, ReportService reports, IStringLocalizer<SharedResource> L, CancellationToken cancellationToken) =>
        {
            if (!Enum.TryParse<ReportChart>(chart, ignoreCase: true, out var which) || !Enum.IsDefined(which) || int.TryParse(chart, out _))
            {
                return Results.NotFound();
            }
            if (year is not null and (< 1900 or > 9998))
            {
                return Results.NotFound();
            }
            var data = await reports.GetAsync(year is { } y ? new FiscalYear(y) : null, cancellationToken);
            return Results.File(ReportCsv.For(which, data, L), CsvFiles.ContentType, ReportCsv.FileName(which));
        }).RequireAuthorization(policy => policy.RequireRole(ReportRoles.Readers.Split(',')));
}
