using System.Net;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Identity;

namespace KyodoHub.Tests.Account;

[Collection(AppCollection.Name)]
public class SignInTests(AppFixture fixture)
{
    [Theory]
    [MemberData(nameof(DemoUsers.AllRoles), MemberType = typeof(DemoUsers))]
    public async Task EachDemoRoleSignsInThroughTheFormAndSeesItsHomePage(string role)
    {
        using var client = fixture.App.NewClient();
        var response = await SignInForm.PostAsync(client, DemoUsers.EmailOf(role), DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Roles.HomeOf(role), Redirect.PathOf(response));

        var home = await client.GetAsync(Roles.HomeOf(role));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(DemoUsers.HomeHeadingOf(role), await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DemoUsers.AllRoles), MemberType = typeof(DemoUsers))]
    public async Task EachRoleIsRefusedTheOtherRolesPages(string role)
    {
        using var client = fixture.App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(role), DemoUsers.Password);
        foreach (var other in Roles.All.Where(r => r != role))
        {
            var response = await client.GetAsync(Roles.HomeOf(other));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/access-denied", Redirect.PathOf(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignInAndComesBackAfterwards()
    {
        using var client = fixture.App.NewClient();
        var response = await client.GetAsync("/coordinator");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", Redirect.PathOf(response), StringComparison.Ordinal);

        var signIn = await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Coordinator), DemoUsers.Password, returnUrl: "/coordinator");
        Assert.Equal("/coordinator", Redirect.PathOf(signIn));
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithAMessageAndNoCookie()
    {
        using var client = fixture.App.NewClient();
        var response = await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.DeskStaff), "not-the-password-at-all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/desk")).StatusCode);
    }

    [Fact]
    public async Task AnEmptyFormNamesTheMissingFields()
    {
        using var client = fixture.App.NewClient();
        var body = await (await SignInForm.PostAsync(client, "", "")).Content.ReadAsStringAsync();
        Assert.Contains("「メールアドレス」を入力してください。", body, StringComparison.Ordinal);
        Assert.Contains("「パスワード」を入力してください。", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReturnUrlToAnotherHostIsIgnored()
    {
        using var client = fixture.App.NewClient();
        var response = await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Coordinator), DemoUsers.Password, returnUrl: "https://evil.example/steal");
        Assert.Equal("/coordinator", Redirect.PathOf(response));
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        using var client = fixture.App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(Roles.Registrant), DemoUsers.Password);
        var page = await client.GetStringAsync("/me");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/me")).StatusCode);
    }
}
