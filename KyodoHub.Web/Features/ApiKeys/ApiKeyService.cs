using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace KyodoHub.Web.Features.ApiKeys;

public sealed record ApiKeyRow(int Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

/// <summary>Issues and revokes API keys. Administrators only.</summary>
public sealed class ApiKeyService(IDbContextFactory<KyodoDbContext> factory, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.Id).ToListAsync(cancellationToken);
        return keys.Select(k => new ApiKeyRow(k.Id, k.Name, k.Prefix, k.Scopes, k.CreatedAt, k.CreatedBy, k.RevokedAt)).ToList();
    }

    /// <summary>Issues a key and returns its secret, which is not stored and cannot be shown again.</summary>
    public async Task<string> IssueAsync(string name, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken = default)
    {
        var user = (await currentUser.GetAsync()).Require(Roles.Administrator);
        var (key, secret) = ApiKey.Issue(name, scopes, user.UserName, clock.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    public async Task RevokeAsync(int id, CancellationToken cancellationToken = default)
    {
        (await currentUser.GetAsync()).Require(Roles.Administrator);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"API key {id} does not exist.");
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
