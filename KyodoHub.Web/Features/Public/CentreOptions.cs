using System.ComponentModel.DataAnnotations;

namespace KyodoHub.Web.Features.Public;

/// <summary>
/// The citizens' activity centre residents contact: shown on the public pages. Configured in the
/// <c>Centre</c> section; start-up fails with the setting's name when one is empty.
/// </summary>
public sealed class CentreOptions
{
    public const string Section = "Centre";

    public const int MaxLength = 200;

    [Required(AllowEmptyStrings = false), MaxLength(MaxLength)]
    public string Name { get; set; } = "";

    [Required(AllowEmptyStrings = false), MaxLength(MaxLength)]
    public string Address { get; set; } = "";

    [Required(AllowEmptyStrings = false), MaxLength(MaxLength)]
    public string Phone { get; set; } = "";

    [Required(AllowEmptyStrings = false), MaxLength(MaxLength)]
    public string Hours { get; set; } = "";
}

public static class CentreRegistration
{
    /// <summary>Binds <see cref="CentreOptions"/> and checks them when the app starts.</summary>
    public static IServiceCollection AddCentre(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CentreOptions>().Bind(configuration.GetSection(CentreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
