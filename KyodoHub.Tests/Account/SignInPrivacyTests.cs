using System.Net;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Account;

/// <summary>An app whose password hasher counts its checks.</summary>
public sealed class CountedSignInFixture() : AppFixture(new KyodoAppFactory { TestServices = CountingPasswordHasher.Register })
{
    public PasswordChecks Checks => App.Services.GetRequiredService<PasswordChecks>();
}

/// <summary>The sign-in form tells nobody whether an e-mail address has an account.</summary>
public class SignInPrivacyTests(CountedSignInFixture fixture) : IClassFixture<CountedSignInFixture>
{
    private const string Refused = "メールアドレスまたはパスワードが正しくありません。";

    private KyodoAppFactory App => fixture.App;

    [Fact]
    public async Task AnUnknownEmailIsRefusedWithTheWrongPasswordMessage()
    {
        using var client = App.NewClient();
        var response = await SignInForm.PostAsync(client, "nobody-here@test.kyodohub.example", "not-the-password-at-all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Refused, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownEmailStillHasAPasswordVerifiedAsAKnownOneDoes()
    {
        var email = await TestAccounts.NewStaffAsync(App, Roles.DeskStaff);
        Assert.Equal(1, await PasswordChecksOfAsync(email, "not-the-password-at-all"));
        Assert.Equal(1, await PasswordChecksOfAsync("nobody-at-all@test.kyodohub.example", "not-the-password-at-all"));
    }

    [Fact]
    public async Task ALockedAccountAnswersAsAnUnknownEmailDoesAndStaysLocked()
    {
        var email = await TestAccounts.NewStaffAsync(App, Roles.DeskStaff);
        using var client = App.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await SignInForm.PostAsync(client, email, "not-the-password-at-all");
        }

        var unknown = await BodyAsync(client, "nobody-either@test.kyodohub.example", "not-the-password-at-all");
        var locked = await BodyAsync(client, email, "not-the-password-at-all");
        Assert.Contains(Refused, locked, StringComparison.Ordinal);
        Assert.Equal(MessageOf(unknown), MessageOf(locked));
        Assert.Equal(1, await PasswordChecksOfAsync(email, "not-the-password-at-all"));

        // The right password does not open a locked account either, and says no more.
        var rightPassword = await SignInForm.PostAsync(client, email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, rightPassword.StatusCode);
        Assert.Equal(MessageOf(unknown), MessageOf(await rightPassword.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/desk")).StatusCode);
    }

    /// <summary>How many passwords one sign-in attempt verified.</summary>
    private async Task<int> PasswordChecksOfAsync(string email, string password)
    {
        using var client = App.NewClient();
        var before = fixture.Checks.Count;
        await SignInForm.PostAsync(client, email, password);
        return fixture.Checks.Count - before;
    }

    private static async Task<string> BodyAsync(HttpClient client, string email, string password) =>
        await (await SignInForm.PostAsync(client, email, password)).Content.ReadAsStringAsync();

    /// <summary>The alert the sign-in page shows.</summary>
    private static string MessageOf(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "role=\"alert\">([^<]*)<");
        Assert.True(match.Success, "the page shows an alert");
        return match.Groups[1].Value;
    }
}
