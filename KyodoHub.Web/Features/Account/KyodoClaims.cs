using System.Globalization;
using System.Security.Claims;
using KyodoHub.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Features.Account;

/// <summary>Claims the app adds to the sign-in cookie.</summary>
public static class KyodoClaims
{
    public const string DisplayName = "kyodo:name";
    public const string RegistrantId = "kyodo:registrant";
    public const string GroupId = "kyodo:group";
}

/// <summary>Puts the display name and the linked registrant or group into the principal.</summary>
internal sealed class KyodoClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(KyodoClaims.DisplayName, user.DisplayName));
        if (user.RegistrantId is { } registrantId)
        {
            identity.AddClaim(new Claim(KyodoClaims.RegistrantId, registrantId.ToString(CultureInfo.InvariantCulture)));
        }
        if (user.GroupId is { } groupId)
        {
            identity.AddClaim(new Claim(KyodoClaims.GroupId, groupId.ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
