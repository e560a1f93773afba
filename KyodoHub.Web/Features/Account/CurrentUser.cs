using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace KyodoHub.Web.Features.Account;

/// <summary>Who is calling, as services need it to check roles and ownership.</summary>
public sealed record UserContext(string? UserId, string UserName, string DisplayName, IReadOnlySet<string> Roles, int? RegistrantId, int? GroupId, IReadOnlySet<string>? Scopes = null)
{
    public static UserContext Anonymous { get; } = new(null, "anonymous", "", new HashSet<string>(), null, null);

    /// <summary>Whether the caller is another system whose API key carries the scope.</summary>
    public bool HasScope(string scope) => Scopes?.Contains(scope) == true;

    public bool IsAuthenticated => UserId is not null;

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsStaff => IsInRole(Identity.Roles.Administrator) || IsInRole(Identity.Roles.Coordinator) || IsInRole(Identity.Roles.DeskStaff);

    /// <summary>Throws <see cref="AccessDeniedException"/> unless the user holds one of the roles.</summary>
    public UserContext Require(params string[] roles)
    {
        if (!roles.Any(IsInRole))
        {
            throw new AccessDeniedException($"{UserName} lacks the role {string.Join('/', roles)}.");
        }
        return this;
    }

    public static UserContext From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        static int? IntClaim(ClaimsPrincipal p, string type) =>
            int.TryParse(p.FindFirstValue(type), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var name = principal.Identity.Name ?? "";
        return new UserContext(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            name,
            principal.FindFirstValue(KyodoClaims.DisplayName) ?? name,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
            IntClaim(principal, KyodoClaims.RegistrantId),
            IntClaim(principal, KyodoClaims.GroupId),
            principal.FindAll(ApiKeys.ApiScopes.ClaimType).Select(c => c.Value).ToHashSet());
    }
}

/// <summary>
/// The caller may not do this. Pages show a generic refusal; nothing is changed. Every refusal is
/// written to the audit log under the caller of the work in progress, wherever it is raised.
/// </summary>
public sealed class AccessDeniedException : Exception
{
    public AccessDeniedException(string message)
        : base(message) => Audit.AuditAmbient.Current?.ReportRefusal(message);
}

/// <summary>
/// Resolves the caller in a circuit (from the authentication state) or in an HTTP request.
/// Scoped: one per circuit or request, never shared between users.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authState, IHttpContextAccessor http)
{
    public async Task<UserContext> GetAsync()
    {
        // In a circuit (and while rendering a page) the authentication state is the truth; a bare
        // HTTP endpoint (the API) has none and falls back to the request's user.
        try
        {
            var state = await authState.GetAuthenticationStateAsync();
            return UserContext.From(state.User);
        }
        catch (InvalidOperationException)
        {
            return UserContext.From(http.HttpContext?.User ?? new ClaimsPrincipal());
        }
    }
}
