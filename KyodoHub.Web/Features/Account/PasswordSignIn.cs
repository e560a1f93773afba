using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace KyodoHub.Web.Features.Account;

/// <summary>
/// Signs in with an e-mail address and a password, answering an unknown address, a wrong password
/// and a locked account alike: each verifies one password hash (an unknown address against a
/// stand-in hash), so neither the answer nor its time tells whether an address has an account.
/// Only the audit log records which it was.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher,
    UnknownAccountHash unknownAccountHash,
    AuditLog audit,
    ILogger<PasswordSignIn> logger)
{
    /// <summary>The user now signed in, or null when refused.</summary>
    public async Task<AppUser?> SignInAsync(string email, string password, bool remember)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new AppUser(), unknownAccountHash.Using(hasher), password);
            await audit.RecordSignInAsync(null, email, "UnknownAccount");
            return null;
        }
        var name = user.UserName ?? email;
        if (await users.IsLockedOutAsync(user))
        {
            // Identity answers a locked account before hashing anything; hash all the same.
            hasher.VerifyHashedPassword(user, user.PasswordHash ?? unknownAccountHash.Using(hasher), password);
            return await LockedOutAsync(user, name);
        }
        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return await LockedOutAsync(user, name);
        }
        await audit.RecordSignInAsync(user.Id, name, result.Succeeded ? null : "WrongPassword");
        return result.Succeeded ? user : null;
    }

    private async Task<AppUser?> LockedOutAsync(AppUser user, string name)
    {
        logger.LogWarning("Sign-in refused: account {UserId} is locked out.", user.Id);
        await audit.RecordSignInAsync(user.Id, name, "LockedOut");
        return null;
    }
}

/// <summary>A password hash that matches no password, made once, to verify an unknown address's attempt against.</summary>
public sealed class UnknownAccountHash
{
    private string? _hash;

    public string Using(IPasswordHasher<AppUser> hasher) =>
        LazyInitializer.EnsureInitialized(ref _hash, () => hasher.HashPassword(new AppUser(), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
}
