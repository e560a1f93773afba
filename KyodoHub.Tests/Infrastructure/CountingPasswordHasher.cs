using KyodoHub.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>
/// Identity's own password hasher, counting how often a sign-in verifies a password: the work
/// that takes a sign-in its time, so tests see whether it ran without measuring any time.
/// </summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options, PasswordChecks checks) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new(options);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        checks.Increment();
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<PasswordChecks>();
        services.AddScoped<IPasswordHasher<AppUser>, CountingPasswordHasher>();
    }
}

/// <summary>How many passwords the app has verified since it started.</summary>
public sealed class PasswordChecks
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}
