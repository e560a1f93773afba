using KyodoHub.Web.Data;
using KyodoHub.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Infrastructure;

internal static class TestAccounts
{
    public const string Password = "test-password-2026";

    /// <summary>Gives a registrant a sign-in of their own (idempotent) and returns its e-mail.</summary>
    public static async Task<string> ForRegistrantAsync(KyodoAppFactory app, int registrantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"registrant{registrantId}@test.kyodohub.example";
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"登録者{registrantId}", RegistrantId = registrantId };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, Roles.Registrant);
        }
        return email;
    }
}
