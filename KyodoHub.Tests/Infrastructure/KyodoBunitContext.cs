using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// bUnit context for KyodoHub components: MudBlazor services, loose JS interop (MudBlazor calls
/// JS we do not test here), the real UI strings, and Japanese unless a test says otherwise.
/// </summary>
public abstract class KyodoBunitContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    /// <summary>How long to wait for renders that follow database work or events, on a busy machine.</summary>
    protected static readonly TimeSpan Patience = RenderedActions.Patience;

    protected KyodoBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
        UseCulture("ja-JP");
    }

    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Renders as an interactive server circuit does. Call after registering services: it builds the renderer.</summary>
    protected void UseInteractiveServerRenderer() =>
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    // MudBlazor registers services that can only be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await base.DisposeAsync();
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
