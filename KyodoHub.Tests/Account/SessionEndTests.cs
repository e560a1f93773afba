using System.Net;
using System.Security.Claims;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Identity;
using KyodoHub.Web.Live;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KyodoHub.Tests.Account;

/// <summary>A sign-in cookie someone kept opens nothing once its session has ended on the server.</summary>
[Collection(AppCollection.Name)]
public class SessionEndTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    [Fact]
    public async Task ACookieSavedBeforeSigningOutOpensNoPageExportOrHubAfterwards()
    {
        var (_, saved, client) = await SignedInCoordinatorAsync();
        var token = await AuthCookie.SignOutTokenAsync(client, "/coordinator");
        Assert.Equal(HttpStatusCode.Redirect, (await AuthCookie.SignOutAsync(client, token)).StatusCode);

        await AssertRefusedAsync(saved);
    }

    [Fact]
    public async Task ACookieSavedBeforeARoleChangeIsRefused()
    {
        var (email, saved, _) = await SignedInCoordinatorAsync();
        await TestAccounts.ChangeAsync(App, email, (users, user) => users.RemoveFromRoleAsync(user, Roles.Coordinator));
        await TestAccounts.ChangeAsync(App, email, (users, user) => users.AddToRoleAsync(user, Roles.DeskStaff));

        await AssertRefusedAsync(saved);
    }

    [Fact]
    public async Task ACookieSavedBeforeAPasswordChangeIsRefused()
    {
        var (email, saved, _) = await SignedInCoordinatorAsync();
        await TestAccounts.ChangeAsync(App, email, (users, user) => users.ChangePasswordAsync(user, TestAccounts.Password, "a-new-password-2026"));

        await AssertRefusedAsync(saved);
    }

    [Fact]
    public async Task ACookieOfAnUnchangedSessionStillOpensEverything()
    {
        var (_, saved, _) = await SignedInCoordinatorAsync();
        using var replay = AuthCookie.Replaying(App, saved);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/coordinator")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/exports/registrants.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await NegotiateAsync(replay)).StatusCode);
    }

    [Fact]
    public async Task AnOpenPageLetsItsUserGoOnceTheyHaveSignedOut()
    {
        var (email, client, _) = await AuthCookie.NewCoordinatorAsync(App);
        ClaimsPrincipal principal;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
            principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByEmailAsync(email))!);
        }
        // The provider behind every circuit, asked as its once-a-minute check asks.
        using var circuits = new RevalidatingIdentityStateProvider(App.Services.GetRequiredService<ILoggerFactory>(), App.Services.GetRequiredService<IServiceScopeFactory>());
        Assert.True(await circuits.IsStillSignedInAsync(principal, CancellationToken.None));

        var token = await AuthCookie.SignOutTokenAsync(client, "/coordinator");
        Assert.Equal(HttpStatusCode.Redirect, (await AuthCookie.SignOutAsync(client, token)).StatusCode);
        Assert.False(await circuits.IsStillSignedInAsync(principal, CancellationToken.None));
    }

    private async Task<(string Email, string Saved, HttpClient Client)> SignedInCoordinatorAsync()
    {
        var (email, client, handler) = await AuthCookie.NewCoordinatorAsync(App);
        return (email, AuthCookie.Saved(App, handler), client);
    }

    private async Task AssertRefusedAsync(string saved)
    {
        using var replay = AuthCookie.Replaying(App, saved);
        var page = await replay.GetAsync("/coordinator");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", Redirect.PathOf(page), StringComparison.Ordinal);
        var export = await replay.GetAsync("/exports/registrants.csv");
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.StartsWith("/account/login", Redirect.PathOf(export), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await NegotiateAsync(replay)).StatusCode);
    }

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client) =>
        client.PostAsync($"{CoordinationHub.Path}/negotiate?negotiateVersion=1", new StringContent(""));
}
