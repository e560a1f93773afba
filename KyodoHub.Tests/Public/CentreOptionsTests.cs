using KyodoHub.Web.Features.Public;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KyodoHub.Tests.Public;

public class CentreOptionsTests
{
    [Fact]
    public void TheAppSettingsNameTheTachikawaCentreByDefault()
    {
        var options = Bind(new ConfigurationBuilder().AddJsonFile(WebSettings()).Build());
        Assert.Equal("市民活動センターたちかわ", options.Value.Name);
        Assert.False(string.IsNullOrWhiteSpace(options.Value.Phone));
    }

    [Fact]
    public void AnEmptySettingIsRefusedNamingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Centre:Name"] = "市民活動センター", ["Centre:Address"] = "立川市", ["Centre:Phone"] = "", ["Centre:Hours"] = "9:00〜17:00",
        }).Build();
        var error = Assert.Throws<OptionsValidationException>(() => Bind(configuration).Value);
        Assert.Contains("Phone", error.Message, StringComparison.Ordinal);
    }

    private static string WebSettings()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "KyodoHub.Web", "appsettings.json")))
        {
            folder = folder.Parent;
        }
        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("KyodoHub.Web/appsettings.json not found"), "KyodoHub.Web", "appsettings.json");
    }

    private static IOptions<CentreOptions> Bind(IConfiguration configuration) =>
        new ServiceCollection().AddCentre(configuration).BuildServiceProvider().GetRequiredService<IOptions<CentreOptions>>();
}
