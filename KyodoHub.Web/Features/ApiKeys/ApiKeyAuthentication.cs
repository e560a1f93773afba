using System.Security.Claims;
using System.Text.Encodings.Web;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KyodoHub.Web.Features.ApiKeys;

/// <summary>
/// Authenticates another system by the key in <c>X-Api-Key</c>. An unknown or revoked key fails
/// (401); no header means "not this scheme", so cookies still work for people.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<KyodoDbContext> factory,
    RefusalLog refusals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiKey.HashOf(values.ToString().Trim());
        await using var db = await factory.CreateDbContextAsync(Context.RequestAborted);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, Context.RequestAborted);
        if (key is null || key.IsRevoked)
        {
            // Never the key itself: only which one, when it is known.
            Refuse(key is null ? "api:unknown-key" : $"api:{key.Name}", key is null ? "UnknownApiKey" : "RevokedApiKey");
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"apikey:{key.Id}"),
            new(ClaimTypes.Name, $"api:{key.Name}"),
        };
        claims.AddRange(key.Scopes.Select(s => new Claim(ApiScopes.ClaimType, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Refuse(Context.User.Identity?.Name ?? "api:unknown-key", $"MissingScope {Request.Method} {Request.Path}");
        return base.HandleForbiddenAsync(properties);
    }

    private void Refuse(string who, string reason) =>
        refusals.Record(Task.FromResult(new AuditActor(null, who, Context.Connection.RemoteIpAddress?.ToString())), reason);

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        return Task.CompletedTask;
    }
}
