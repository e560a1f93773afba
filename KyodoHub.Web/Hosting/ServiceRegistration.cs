using System.Text.Json.Serialization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Notifications;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Live;
using KyodoHub.Web.Localization;
using MudBlazor.Services;

namespace KyodoHub.Web.Hosting;

internal static class ServiceRegistration
{
    /// <summary>Everything the app needs, registered on the builder.</summary>
    public static WebApplicationBuilder AddKyodoHub(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddRazorComponents().AddInteractiveServerComponents().AddKyodoCircuitLimits(builder.Environment);
        // Japanese text goes into pages as text, not as numeric character references.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddMudServices();
        services.AddKyodoLocalization();
        services.AddKyodoDatabase(builder.Configuration, builder.Environment);
        services.AddKyodoIdentity();
        services.AddScoped<CurrentUser>();
        services.AddKyodoLive(builder.Configuration);
        services.AddKyodoSecurity(builder.Configuration, builder.Environment);
        services.AddKyodoFeatures(builder.Configuration);
        services.AddKyodoNotifications(builder.Configuration, builder.Environment);
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddKyodoHealth(builder.Configuration);
        return builder;
    }
}
