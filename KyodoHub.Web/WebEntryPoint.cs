using KyodoHub.Web.Data;
using KyodoHub.Web.Hosting;

namespace KyodoHub.Web;

/// <summary>Starts KyodoHub. (Not named Program: that name belongs to the programme enum.)</summary>
public sealed class WebEntryPoint
{
    private WebEntryPoint() { }

    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await RunAsync(args);
        }
        catch (StartupRefusedException refused)
        {
            await Console.Error.WriteLineAsync($"KyodoHub did not start: {refused.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        var app = WebApplication.CreateBuilder(args).AddKyodoHub().Build();
        if (Features.Admin.BackupCommand.TargetOf(args) is { } backup)
        {
            return Features.Admin.BackupCommand.Run(app.Services, backup);
        }
        app.UseKyodoHub();
        await app.Services.InitialiseDatabaseAsync();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        await app.RunAsync();
        return 0;
    }
}
