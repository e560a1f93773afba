using KyodoHub.Core.Common;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Localization;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Agreements;

internal static class AgreementEndpoints
{
    /// <summary><c>GET /agreements/{id}/pdf</c>: the agreement as a PDF, for the parties and staff.</summary>
    public static void MapAgreementEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/agreements/{id:int}/pdf", async (int id, AgreementService agreements, JapaneseFont font, IStringLocalizer<SharedResource> L, CancellationToken cancellationToken) =>
        {
            if (font.FamilyName is not { } family)
            {
                return Results.Problem(L["PdfFontMissing"], statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            try
            {
                var view = await agreements.GetAsync(id, cancellationToken);
                var bytes = AgreementPdf.Render(AgreementDocument.From(view), family);
                return Results.File(bytes, "application/pdf", $"協定書-{view.RequestId}.pdf");
            }
            catch (AccessDeniedException)
            {
                return Results.Forbid();
            }
            catch (DomainRuleException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(policy => policy.RequireRole(AgreementRoles.Readers.Split(',')));
}
