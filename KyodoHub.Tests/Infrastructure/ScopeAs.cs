using System.Security.Claims;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>A DI scope of the running app in which services see the given user, as in a circuit.</summary>
internal static class ScopeAs
{
    public static AsyncServiceScope User(IServiceProvider services, string role, int? registrantId = null, int? groupId = null, string userName = "test@kyodohub.example")
    {
        var scope = services.CreateAsyncScope();
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "test-user"),
            new(ClaimTypes.Name, userName),
            new(ClaimTypes.Role, role),
        };
        if (registrantId is { } r)
        {
            claims.Add(new Claim(KyodoClaims.RegistrantId, r.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (groupId is { } g)
        {
            claims.Add(new Claim(KyodoClaims.GroupId, g.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        var provider = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        // As a circuit does, make this user the actor of the saves that follow (see AuditCircuitHandler).
        AuditAmbient.Use(scope.ServiceProvider.GetRequiredService<AuditActorSource>());
        return scope;
    }
}
