using System.Net;
using System.Text.RegularExpressions;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>A sign-in cookie copied out of a browser's jar, to replay it later as someone who kept it would.</summary>
internal static partial class AuthCookie
{
    public const string Name = "KyodoHub.Auth";

    /// <summary>The sign-in cookie (all its chunks) as a <c>Cookie</c> header value.</summary>
    public static string Saved(KyodoAppFactory app, HttpClientHandler handler)
    {
        var cookies = handler.CookieContainer.GetCookies(app.BaseAddress).Where(c => c.Name.StartsWith(Name, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));
    }

    /// <summary>A client that sends only the given cookie header and keeps no jar.</summary>
    public static HttpClient Replaying(KyodoAppFactory app, string cookieHeader)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    /// <summary>
    /// A client signed in as a new coordinator of its own, so that ending its sessions ends nobody
    /// else's, with the handler that holds its cookie jar.
    /// </summary>
    public static async Task<(string Email, HttpClient Client, HttpClientHandler Handler)> NewCoordinatorAsync(KyodoAppFactory app)
    {
        var email = await TestAccounts.NewStaffAsync(app, KyodoHub.Web.Identity.Roles.Coordinator);
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false };
        var client = new HttpClient(handler) { BaseAddress = app.BaseAddress };
        var signIn = await SignInForm.PostAsync(client, email, TestAccounts.Password);
        Assert.Equal("/coordinator", Redirect.PathOf(signIn));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/coordinator")).StatusCode);
        return (email, client, handler);
    }

    /// <summary>The antiforgery token of the sign-out form on a signed-in page.</summary>
    public static async Task<string> SignOutTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = SignOutForm().Match(html);
        Assert.True(match.Success, "the page has a sign-out form with an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static Task<HttpResponseMessage> SignOutAsync(HttpClient client, string? token, string? origin = null)
    {
        var fields = token is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["__RequestVerificationToken"] = token };
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent(fields) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Sec-Fetch-Site", "cross-site");
        }
        return client.SendAsync(request);
    }

    [GeneratedRegex("action=\"/account/logout\"[^>]*>\\s*<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex SignOutForm();
}
