using System.Net;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Extensions.Logging;

namespace KyodoHub.Tests.Security;

[Collection(ProductionLikeCollection.Name)]
public class ProductionLikeTests(ProductionLikeFixture fixture)
{
    [Fact]
    public async Task BrowsersAreToldToUseHttpsForAYear()
    {
        using var client = fixture.App.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        // HSTS is never sent for loopback names; the city's host name gets it.
        request.Headers.Host = "kyodohub.example";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.Equal("max-age=31536000; includeSubDomains", hsts);
    }

    [Fact]
    public async Task TheSignInCookieIsSecureHttpOnlyAndSameSiteOverHttps()
    {
        using var client = fixture.App.NewClient();
        var response = await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Coordinator), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var attributes = CookieTests.AuthCookieAttributes(response);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
    }

    [Fact]
    public async Task AFailureShowsAGenericPageWhileTheLogKeepsTheException()
    {
        using var client = fixture.App.NewClient();
        using var response = await client.GetAsync("/public/results");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("エラーが発生しました", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ProductionLikeFixture.ForcedFailure, page, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" at KyodoHub.", page, StringComparison.Ordinal);

        var logged = fixture.Logs.Entries.Where(e => e.Exception?.ToString().Contains(ProductionLikeFixture.ForcedFailure, StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(logged);
        Assert.Contains(logged, e => e.Level >= LogLevel.Error);
    }
}
