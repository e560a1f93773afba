using KyodoHub.Web.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KyodoHub.Web.Hosting;

internal static class StartupBanner
{
    /// <summary>Tells the person who typed <c>dotnet run</c> where to point their browser.</summary>
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        Console.WriteLine();
        foreach (var address in addresses)
        {
            Console.WriteLine($"KyodoHub is running at {address}");
        }
        if (options.SeedDemoData)
        {
            // The README has the password; a console's scrollback or a log collector should not.
            Console.WriteLine("Demo accounts: see README.md (Demo accounts)");
        }
        Console.WriteLine();
    }
}
