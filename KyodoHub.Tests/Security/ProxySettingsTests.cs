using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.Security;

public class ProxySettingsTests
{
    [Theory]
    [InlineData("Proxy:KnownProxies", "nginx.internal")]
    [InlineData("Proxy:KnownNetworks", "10.0.0.0/33")]
    [InlineData("PublicOrigins", "kyodohub.example")]
    [InlineData("PublicOrigins", "https://kyodohub.example/app")]
    public async Task AMistakenSettingStopsTheAppWithAMessageNamingTheSettingAndTheValue(string setting, string value)
    {
        await using var app = new KyodoAppFactory(settings: new Dictionary<string, string> { [setting] = value });
        var error = Assert.ThrowsAny<Exception>(() => app.Start());
        var message = error.GetBaseException().Message;
        Assert.Contains(setting, message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", message, StringComparison.Ordinal);
    }
}
