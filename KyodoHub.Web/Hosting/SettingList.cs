namespace KyodoHub.Web.Hosting;

/// <summary>
/// A setting that holds several values: either one string separated by semicolons, as
/// <c>AllowedHosts</c> is written (<c>Proxy__KnownProxies="10.0.0.1;10.0.0.2"</c>), or a JSON array.
/// </summary>
internal static class SettingList
{
    public static IReadOnlyList<string> Of(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values
            .SelectMany(v => v.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
    }
}
