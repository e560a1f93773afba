using System.Net;
using System.Net.WebSockets;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Live;

namespace KyodoHub.Tests.Security;

[Collection(AppCollection.Name)]
public class SecurityHeadersTests(AppFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/public/results")]
    public async Task PagesForbidFramingSniffingAndForeignScripts(string path)
    {
        using var client = fixture.App.NewClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        var csp = Single(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("unsafe-inline", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scripts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostHeaderOfARequestDoesNotWidenWherePagesMayConnect()
    {
        using var client = fixture.App.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request);
        var csp = Single(response, "Content-Security-Policy");
        Assert.Contains("connect-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachPageGetsItsOwnScriptNonceAndTheImportMapCarriesIt()
    {
        using var client = fixture.App.NewClient();
        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync("/account/login");
            var csp = Single(response, "Content-Security-Policy");
            var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
            Assert.NotEmpty(nonce);
            Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            nonces.Add(nonce);
        }
        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Fact]
    public async Task TheHubRefusesAWebsocketOpenedFromAnotherOrigin()
    {
        var status = await OpenHubSocketAsync("http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task TheHubAcceptsAWebsocketFromItsOwnOrigin()
    {
        var status = await OpenHubSocketAsync(fixture.App.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.SwitchingProtocols, status);
    }

    private async Task<HttpStatusCode> OpenHubSocketAsync(string origin)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.SetRequestHeader("X-Api-Key", Web.Data.Demo.DemoAccounts.ApiKey);
        var uri = new UriBuilder(new Uri(fixture.App.BaseAddress, CoordinationHub.Path.TrimStart('/'))) { Scheme = "ws" }.Uri;
        try
        {
            await socket.ConnectAsync(uri, CancellationToken.None);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The status code below says why.
        }
        return socket.HttpStatusCode;
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}
