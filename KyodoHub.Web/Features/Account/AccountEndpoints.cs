using KyodoHub.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using KyodoHub.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace KyodoHub.Web.Features.Account;

internal static class AccountEndpoints
{
    /// <summary>
    /// Sign-out is a POST with the layout form's antiforgery token, so that neither a link nor
    /// another site's form can sign anyone out. The antiforgery middleware checks the token of an
    /// endpoint that asks for it and leaves the verdict to the endpoint unless it binds a form, so
    /// this one reads the verdict itself. Sign-out renews the security stamp, which refuses the old
    /// cookie everywhere, even a copy taken before.
    /// </summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/account/logout", async (HttpContext context, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> L) =>
        {
            if (await signIn.UserManager.GetUserAsync(context.User) is not { } user)
            {
                // Nobody to sign out (a session that already ended elsewhere): nothing to forge.
                return Results.LocalRedirect("/");
            }
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                // Text, not the status-code page: re-running a page on this request would read the refused form.
                return Results.Text(L["SignOutRefused"], statusCode: StatusCodes.Status400BadRequest);
            }
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
}
