using System.Net;
using System.Net.WebSockets;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Security;

/// <summary>
/// Behind nginx, as the README configures it: the app sees the client's HTTPS and address through
/// the proxy's forwarded headers, and only through the proxy's. Each test uses loopback addresses
/// of its own, so the per-address sign-in limits of one test never touch another.
/// </summary>
public class ReverseProxyTests(ReverseProxyFixture fixture) : IClassFixture<ReverseProxyFixture>
{
    private const string Forged = "203.0.113.9";

    [Fact]
    public async Task ThroughTheProxyTheSignInCookieIsSecureAndBrowsersAreToldToUseHttps()
    {
        using var client = fixture.ThroughProxy("127.0.0.4");
        using var page = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));

        var signedIn = await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Coordinator), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("secure", CookieTests.AuthCookieAttributes(signedIn));
    }

    [Fact]
    public async Task TheAuditLogRecordsTheClientsAddressEvenWhenTheClientForgesAnother()
    {
        using var client = fixture.ThroughProxy("127.0.0.6");
        // nginx appends the address it sees; a client's own list in front of it is not believed.
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Forged);
        var email = DemoUsers.EmailOf(Roles.DeskStaff);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(client, email, DemoUsers.Password)).StatusCode);

        Assert.Equal(["127.0.0.6"], await SignInAddressesAsync(email));
    }

    [Fact]
    public async Task EachClientHasASignInLimitOfItsOwn()
    {
        using var busy = fixture.ThroughProxy("127.0.0.2");
        for (var i = 0; i < ReverseProxyFixture.SignInLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInForm.PostAsync(busy, "nobody@kyodohub.example", "not-the-password-at-all")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInForm.PostAsync(busy, "nobody@kyodohub.example", "not-the-password-at-all")).StatusCode);

        using var calm = fixture.ThroughProxy("127.0.0.3");
        Assert.Equal(HttpStatusCode.OK, (await SignInForm.PostAsync(calm, "nobody@kyodohub.example", "not-the-password-at-all")).StatusCode);
    }

    [Fact]
    public async Task ForwardedHeadersSentStraightToTheAppByAnyoneButTheProxyAreIgnored()
    {
        using var client = fixture.Direct("127.0.0.5");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Forged);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        using var page = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));

        var email = DemoUsers.EmailOf(Roles.Registrant);
        var signedIn = await SignInForm.PostAsync(client, email, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.DoesNotContain("secure", CookieTests.AuthCookieAttributes(signedIn));
        Assert.Equal(["127.0.0.5"], await SignInAddressesAsync(email));
    }

    [Fact]
    public async Task AHostNameThatIsNotAllowedIsRefused()
    {
        using var client = fixture.ThroughProxy("127.0.0.7");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PagesMayConnectToThePublicOriginAndItsWebsocketsOnly()
    {
        using var client = fixture.ThroughProxy("127.0.0.7");
        using var response = await client.GetAsync("/account/login");
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var connect = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("connect-src ", StringComparison.Ordinal));
        var origin = fixture.PublicOrigin;
        Assert.Equal($"connect-src 'self' {origin} {origin.Replace("https://", "wss://", StringComparison.Ordinal)}", connect);
    }

    [Fact]
    public async Task TheHubsWebsocketOpensThroughTheProxyFromThePublicOrigin()
    {
        using var invoker = new HttpMessageInvoker(LoopbackClient.Handler(IPAddress.Parse("127.0.0.8"), fixture.Certificate));
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", fixture.PublicOrigin);
        socket.Options.SetRequestHeader("X-Api-Key", Web.Data.Demo.DemoAccounts.ApiKey);
        var uri = new Uri(fixture.PublicOrigin.Replace("https://", "wss://", StringComparison.Ordinal) + CoordinationHub.Path);
        try
        {
            await socket.ConnectAsync(uri, invoker, CancellationToken.None);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The status code below says why.
        }
        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
    }

    private async Task<List<string?>> SignInAddressesAsync(string email)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditLog.SignIn && e.UserName == email)
            .Select(e => e.Address)
            .Distinct()
            .ToListAsync();
    }
}
