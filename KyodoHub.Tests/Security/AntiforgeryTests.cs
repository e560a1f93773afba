using System.Net;
using KyodoHub.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Security;

/// <summary>State-changing endpoints outside the circuit accept only the app's own forms.</summary>
[Collection(AppCollection.Name)]
public class AntiforgeryTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    [Fact]
    public async Task SigningOutWithoutATokenIsRefusedAndTheUserStaysSignedIn()
    {
        using var client = await SignedInAsync();
        await AssertSignOutRefusedAsync(client, token: null);
    }

    [Fact]
    public async Task SigningOutWithAnotherSessionsTokenIsRefusedAndTheUserStaysSignedIn()
    {
        using var other = await SignedInAsync();
        var foreign = await AuthCookie.SignOutTokenAsync(other, "/coordinator");
        using var client = await SignedInAsync();
        await AssertSignOutRefusedAsync(client, foreign);
    }

    [Fact]
    public async Task ASignOutFormPostedFromAnotherSiteIsRefusedAndTheUserStaysSignedIn()
    {
        using var client = await SignedInAsync();
        await AssertSignOutRefusedAsync(client, token: null, origin: "https://evil.example");
    }

    [Fact]
    public async Task TheLayoutsOwnSignOutButtonSignsOut()
    {
        using var client = await SignedInAsync();
        var token = await AuthCookie.SignOutTokenAsync(client, "/coordinator");
        var response = await AuthCookie.SignOutAsync(client, token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Redirect.PathOf(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/coordinator")).StatusCode);
    }

    [Fact]
    public void EveryEndpointThatChangesStateOutsideTheApiAndTheLiveConnectionsRequiresAnAntiforgeryToken()
    {
        string[] changing = ["POST", "PUT", "PATCH", "DELETE"];
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Intersect(changing).Any() == true)
            .ToList();
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/account/logout");
        // The API takes API keys, never cookies; the hubs and the circuit refuse other origins.
        var unguarded = endpoints
            .Where(e => (e.RoutePattern.RawText ?? "").TrimStart('/') is var path && !path.StartsWith("api/", StringComparison.Ordinal) && !path.StartsWith("hubs/", StringComparison.Ordinal) && !path.StartsWith('_'))
            .Where(e => e.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true })
            .Select(e => e.DisplayName)
            .ToList();
        Assert.Empty(unguarded);
    }

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("/%0D%0ALocation:%20https://evil.example")]
    [InlineData("/me%00")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("https://evil.example/")]
    public async Task ChoosingALanguageNeverGoesBackToAnythingButALocalPath(string escapedReturnUrl)
    {
        using var client = App.NewClient();
        var response = await client.GetAsync($"/culture?lang=en&returnUrl={escapedReturnUrl}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Redirect.PathOf(response));
    }

    [Fact]
    public async Task ChoosingALanguageGoesBackToTheLocalPage()
    {
        using var client = App.NewClient();
        var response = await client.GetAsync("/culture?lang=en&returnUrl=%2Fpublic%2Fresults%3Fyear%3D2026");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/public/results?year=2026", Redirect.PathOf(response));
    }

    private async Task<HttpClient> SignedInAsync() => (await AuthCookie.NewCoordinatorAsync(App)).Client;

    private static async Task AssertSignOutRefusedAsync(HttpClient client, string? token, string? origin = null)
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await AuthCookie.SignOutAsync(client, token, origin)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/coordinator")).StatusCode);
    }
}
