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

    /// <summary>A new staff account of its own in <paramref name="role"/>, for tests that change or end its sessions.</summary>
    public static async Task<string> NewStaffAsync(KyodoAppFactory app, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"staff-{Guid.NewGuid():N}@test.kyodohub.example";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "職員 テスト" };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    /// <summary>Changes the account through Identity's user manager, as the administrators' pages do.</summary>
    public static async Task ChangeAsync(KyodoAppFactory app, string email, Func<UserManager<AppUser>, AppUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.NotNull(user);
        var result = await change(users, user);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
