using System.Net;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Agreements;

/// <summary>An app whose configured PDF font does not exist.</summary>
public sealed class MissingFontAppFixture : IAsyncLifetime
{
    public KyodoAppFactory App { get; } = new(settings: new Dictionary<string, string> { ["Pdf:FontPath"] = "/nowhere/ipaexg.ttf" });

    public Task InitializeAsync()
    {
        App.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public class MissingFontTests(MissingFontAppFixture fixture) : IClassFixture<MissingFontAppFixture>
{
    [Fact]
    public async Task WithoutAJapaneseFontThePageSaysSoAndNoPdfIsMade()
    {
        var c = await CollaborationSeed.CreateAsync(fixture.App.Services, registrants: 1);
        var id = await AgreementServiceTests.DraftAsync(fixture.App.Services, c);
        using var client = fixture.App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Coordinator), DemoUsers.Password);

        var html = await client.GetStringAsync($"/agreements/{id}");
        Assert.Contains("data-testid=\"pdf-font-missing\"", html, StringComparison.Ordinal);
        Assert.Contains("fonts-ipaexfont-gothic", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/agreements/{id}/pdf", html, StringComparison.Ordinal);

        using var pdf = await client.GetAsync($"/agreements/{id}/pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
    }
}
