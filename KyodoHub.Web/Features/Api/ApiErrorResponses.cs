using System.Globalization;
using KyodoHub.Web.Hosting;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Api;

/// <summary>
/// Every API answer that is an error carries problem details, in every environment: a failure is
/// logged and answered without its detail (the developer exception page never shows for the API),
/// and a bare status (401, 404, a framework's 400) gets a body that says what it means.
/// </summary>
internal static class ApiErrorResponses
{
    public static WebApplication UseApiErrorResponses(this WebApplication app)
    {
        app.UseWhen(context => context.Request.IsApi(), api => api.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var status = error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiErrorResponses));
                logger.Log(status >= 500 ? LogLevel.Error : LogLevel.Information, error, "API call {Method} {Path} failed with {Status}", context.Request.Method, context.Request.Path, status);
                // Not Response.Clear(): the security headers set before the handler ran must stay.
                context.Response.StatusCode = status;
                context.Response.ContentType = null;
                context.Response.ContentLength = null;
            }
            if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentLength is null && string.IsNullOrEmpty(context.Response.ContentType))
            {
                // The localization middleware's culture stays behind it; the caller's choice is on the context.
                if (context.Features.Get<IRequestCultureFeature>() is { } culture)
                {
                    CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
                }
                var localizer = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                var title = localizer[$"Api_Status_{context.Response.StatusCode}"];
                await TypedResults.Problem(statusCode: context.Response.StatusCode, title: title.ResourceNotFound ? localizer["Api_Status_Other"] : title).ExecuteAsync(context);
            }
        }));
        return app;
    }
}
