using KyodoHub.Web.Data;
using KyodoHub.Web.Hosting;

namespace KyodoHub.Web;

/// <summary>Starts KyodoHub. (Not named Program: that name belongs to the programme enum.)</summary>
public sealed class WebEntryPoint
{
    private WebEntryPoint() { }

    public static async Task Main(string[] args)
    {
        var app = WebApplication.CreateBuilder(args).AddKyodoHub().Build();
        app.UseKyodoHub();
        await app.Services.InitialiseDatabaseAsync();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        await app.RunAsync();
    }
}
