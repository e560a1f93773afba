using System.Net;
using System.Text.RegularExpressions;

namespace KyodoHub.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form, antiforgery token and all.</summary>
internal static partial class SignInForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, "the sign-in page has an antiforgery token");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var url = returnUrl is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await client.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
