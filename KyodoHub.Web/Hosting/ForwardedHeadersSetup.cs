using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace KyodoHub.Web.Hosting;

/// <summary>
/// Behind a reverse proxy the app sees the proxy's connection, plain HTTP from the proxy's
/// address. <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> say what the client really used,
/// but anyone can send them: they are believed only from the proxies named in
/// <c>Proxy:KnownProxies</c> (addresses) and <c>Proxy:KnownNetworks</c> (CIDR ranges), and from
/// nobody when neither is set. The framework's default of trusting every loopback address is
/// dropped on purpose: another process on the same machine is not a proxy.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string Section = "Proxy";

    public static IServiceCollection AddKyodoForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = SettingList.Of(configuration, $"{Section}:KnownProxies")
            .Select(v => IPAddress.TryParse(v, out var address) ? address : throw Invalid("KnownProxies", v, "an IP address"))
            .ToList();
        var networks = SettingList.Of(configuration, $"{Section}:KnownNetworks")
            .Select(v => System.Net.IPNetwork.TryParse(v, out var network) ? network : throw Invalid("KnownNetworks", v, "a network such as 10.0.0.0/8"))
            .ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    private static InvalidOperationException Invalid(string setting, string value, string expected) =>
        new($"{Section}:{setting}: '{value}' is not {expected}.");
}
