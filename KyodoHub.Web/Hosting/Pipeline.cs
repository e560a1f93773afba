using Microsoft.AspNetCore.Diagnostics;
using KyodoHub.Web.Components;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Api;
using KyodoHub.Web.Features.Calendar;
using KyodoHub.Web.Features.Me;
using KyodoHub.Web.Live;
using KyodoHub.Web.Localization;

namespace KyodoHub.Web.Hosting;

internal static class Pipeline
{
    /// <summary>The request pipeline and endpoints.</summary>
    public static WebApplication UseKyodoHub(this WebApplication app)
    {
        // First, so that HSTS, cookies, rate limits and the audit log see the client, not the proxy.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseKyodoSecurity();
        app.UseApiErrorResponses();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Machines (the API, the hub) get bare status codes and problem details; people get a page.
        app.Use((context, next) =>
        {
            if (context.Request.IsMachine())
            {
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            }
            return next(context);
        });
        app.UseKyodoLocalization();
        app.UseAuthentication();
        app.UseMiddleware<Features.Audit.AuditMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapKyodoHealth();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapHub<CoordinationHub>(CoordinationHub.Path);
        app.MapRequestApi();
        app.MapCalendarFeed();
        app.MapMyDataExport();
        app.MapOpenApi().AllowAnonymous();
        app.MapRecordsEndpoints();
        // The security headers already forbid every frame ancestor; Blazor's own, looser one would be a second policy.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
