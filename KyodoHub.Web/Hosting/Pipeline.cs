using KyodoHub.Web.Components;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Localization;

namespace KyodoHub.Web.Hosting;

internal static class Pipeline
{
    /// <summary>The request pipeline and endpoints.</summary>
    public static WebApplication UseKyodoHub(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseKyodoLocalization();
        app.UseAuthentication();
        app.UseMiddleware<Features.Audit.AuditMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapRecordsEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
