using System.Security.Claims;
using KyodoHub.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace KyodoHub.Web.Identity;

/// <summary>
/// Re-checks an open circuit's user every minute, so that signing out, disabling a user or
/// changing their role or password (all renew the security stamp) ends open pages without waiting
/// for the cookie.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => SessionRevalidationOptions.DefaultInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillSignedInAsync(authenticationState.User, cancellationToken);

    /// <summary>Whether the circuit's user may stay: the account is open and the session's stamp is still its own.</summary>
    internal async Task<bool> IsStillSignedInAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(principal);
        return user is not null
            && !await users.IsLockedOutAsync(user)
            && await SessionStamps.IsCurrentAsync(scope.ServiceProvider, principal, cancellationToken);
    }
}
