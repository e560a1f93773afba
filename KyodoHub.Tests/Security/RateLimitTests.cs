using System.Net;
using KyodoHub.Tests.Infrastructure;

namespace KyodoHub.Tests.Security;

/// <summary>An app with limits of three per minute, so that a test can reach them.</summary>
public sealed class LowRateLimitFixture() : AppFixture(new KyodoAppFactory(settings: new Dictionary<string, string>
{
    ["RateLimits:SignInPerMinute"] = "3",
    ["RateLimits:FormsPerMinute"] = "3",
    ["RateLimits:ApiPerMinute"] = "3",
}));

public class RateLimitTests(LowRateLimitFixture fixture) : IClassFixture<LowRateLimitFixture>
{
    [Fact]
    public async Task TheFourthSignInAttemptInAMinuteIsRefusedWith429AndRetryAfter()
    {
        using var client = fixture.App.NewClient();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await SignInForm.PostAsync(client, "nobody@kyodohub.example", "not-the-password-at-all");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        var refused = await SignInForm.PostAsync(client, DemoUsers.EmailOf(Web.Identity.Roles.Coordinator), DemoUsers.Password);
        AssertTooManyRequests(refused);
        Assert.Null(refused.Headers.Location);
    }

    [Fact]
    public async Task TheFourthApiCallOfAKeyIsRefusedWhileAnotherKeyIsServed()
    {
        var other = await ApiKeysForTests.IssueAsync(fixture.App, "another integration");
        using var busy = TestRequests.ApiClient(fixture.App);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/requests/1")).StatusCode);
        }
        AssertTooManyRequests(await busy.GetAsync("/api/requests/1"));

        using var calm = TestRequests.ApiClient(fixture.App, other);
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/api/requests/1")).StatusCode);
    }

    [Fact]
    public async Task TheFourthFormPostInAMinuteIsRefused()
    {
        using var client = fixture.App.NewClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/account/logout", new FormUrlEncodedContent([]))).StatusCode);
        }
        AssertTooManyRequests(await client.PostAsync("/account/logout", new FormUrlEncodedContent([])));
    }

    [Fact]
    public async Task PagesAreNotCountedAgainstTheFormLimit()
    {
        using var client = fixture.App.NewClient();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        }
    }

    private static void AssertTooManyRequests(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }
}
