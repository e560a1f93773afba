using System.Globalization;
using KyodoHub.Web.Hosting;
using Microsoft.AspNetCore.Localization;

namespace KyodoHub.Web.Localization;

/// <summary>Japanese first, English switchable; the choice persists in a cookie.</summary>
internal static class LocalizationSetup
{
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IServiceCollection AddKyodoLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Japanese);
            options.SupportedCultures = [Japanese, English];
            options.SupportedUICultures = [Japanese, English];
            // People: only their explicit choice counts; the browser's language does not override
            // Japanese. Other systems calling the API say what they read in Accept-Language.
            options.RequestCultureProviders = [new ApiAcceptLanguage { Options = options }, new CookieRequestCultureProvider { Options = options }];
        });
        return services;
    }

    public static WebApplication UseKyodoLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    /// <summary><c>GET /culture?lang=en&amp;returnUrl=/me</c> stores the choice and goes back.</summary>
    public static void MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", (string? lang, string? returnUrl, HttpContext context) =>
        {
            var culture = lang == "en" ? English : Japanese;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
            return Results.LocalRedirect(LocalPath(returnUrl));
        }).AllowAnonymous();

    private sealed class ApiAcceptLanguage : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.IsApi()
                ? base.DetermineProviderCultureResult(httpContext)
                : NullProviderCultureResult;
    }

    /// <summary>
    /// A local path to return to; anything pointing to another host, or holding a control
    /// character (which browsers drop, so <c>/\t/evil</c> would become <c>//evil</c>), falls back to
    /// the home page.
    /// </summary>
    public static string LocalPath(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
