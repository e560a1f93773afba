using KyodoHub.Web.Features.Agreements;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Features.Evaluations;
using KyodoHub.Web.Features.Imports;
using KyodoHub.Web.Features.Public;
using KyodoHub.Web.Features.Reports;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace KyodoHub.Web.Hosting;

/// <summary>
/// Agreements, evaluations, public results, reports, CSV import/export and the audit log: their
/// services and their non-page endpoints (PDF and CSV downloads).
/// </summary>
internal static class RecordsRegistration
{
    public static IServiceCollection AddKyodoRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ClientAddress>();
        services.AddScoped<AuditActorSource>();
        services.AddSingleton<RefusalLog>();
        services.AddScoped<CircuitHandler, AuditCircuitHandler>();
        services.AddScoped<AuditLog>();
        services.AddScoped<ContactDetailsService>();

        services.AddSingleton(configuration.GetSection(PdfOptions.Section).Get<PdfOptions>() ?? new PdfOptions());
        services.AddSingleton<JapaneseFont>();
        services.AddScoped<AgreementService>();
        services.AddScoped<EvaluationService>();
        services.AddScoped<CompletionService>();
        services.AddSingleton<ReliabilityQuery>();
        services.AddCentre(configuration);
        services.AddScoped<PublicResultsService>();
        services.AddScoped<ReportService>();
        services.AddScoped<ImportService>();
        services.AddScoped<ExportService>();
        return services;
    }

    public static IEndpointRouteBuilder MapRecordsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAgreementEndpoints();
        endpoints.MapReportEndpoints();
        endpoints.MapImportEndpoints();
        return endpoints;
    }
}
