using KyodoHub.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Identity;

/// <summary>
/// Identity's user manager, except that a role change also renews the security stamp (Identity
/// renews it for a password change only), so that a cookie holding the old roles is refused at once.
/// </summary>
internal sealed class KyodoUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<IdentityResult> AddToRoleAsync(AppUser user, string role) =>
        await RenewStampAfterAsync(user, await base.AddToRoleAsync(user, role));

    public override async Task<IdentityResult> AddToRolesAsync(AppUser user, IEnumerable<string> roles) =>
        await RenewStampAfterAsync(user, await base.AddToRolesAsync(user, roles));

    public override async Task<IdentityResult> RemoveFromRoleAsync(AppUser user, string role) =>
        await RenewStampAfterAsync(user, await base.RemoveFromRoleAsync(user, role));

    public override async Task<IdentityResult> RemoveFromRolesAsync(AppUser user, IEnumerable<string> roles) =>
        await RenewStampAfterAsync(user, await base.RemoveFromRolesAsync(user, roles));

    private async Task<IdentityResult> RenewStampAfterAsync(AppUser user, IdentityResult change) =>
        change.Succeeded ? await UpdateSecurityStampAsync(user) : change;
}
