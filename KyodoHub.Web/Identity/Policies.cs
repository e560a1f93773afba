using KyodoHub.Web.Features.ApiKeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace KyodoHub.Web.Identity;

/// <summary>Authorization policies beyond a single role.</summary>
public static class Policies
{
    /// <summary>The live event hub: coordinators (cookie) or API keys with events:read.</summary>
    public const string CoordinationFeed = nameof(CoordinationFeed);

    public const string ApiRequestsWrite = nameof(ApiRequestsWrite);
    public const string ApiRequestsRead = nameof(ApiRequestsRead);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(CoordinationFeed, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.IsInRole(Roles.Coordinator) || c.User.HasClaim(ApiScopes.ClaimType, ApiScopes.EventsRead)));
        options.AddPolicy(ApiRequestsWrite, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireClaim(ApiScopes.ClaimType, ApiScopes.RequestsWrite));
        options.AddPolicy(ApiRequestsRead, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireClaim(ApiScopes.ClaimType, ApiScopes.RequestsRead));
    }
}
