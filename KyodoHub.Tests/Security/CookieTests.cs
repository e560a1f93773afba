using System.Net;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Security;

[Collection(AppCollection.Name)]
public class CookieTests(AppFixture fixture)
{
    [Fact]
    public async Task TheSignInCookieIsHttpOnlyAndSameSiteLaxAndNotMarkedSecureOverPlainHttp()
    {
        using var client = fixture.App.NewClient();
        var response = await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.DeskStaff), DemoUsers.Password);
        var attributes = AuthCookieAttributes(response);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=lax", attributes);
        // Over HTTPS it is Secure (see ProductionLikeTests); plain HTTP only ever runs on a developer's machine.
        Assert.DoesNotContain("secure", attributes);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The attributes (secure, httponly, samesite=…) of the sign-in cookie a response sets, in lower case.</summary>
    internal static IReadOnlyList<string> AuthCookieAttributes(HttpResponseMessage response)
    {
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("KyodoHub.Auth=", StringComparison.Ordinal));
        return cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
    }
}
