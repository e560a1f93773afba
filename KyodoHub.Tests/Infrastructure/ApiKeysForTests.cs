using KyodoHub.Web.Data;
using KyodoHub.Web.Features.ApiKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Infrastructure;

internal static class ApiKeysForTests
{
    public static async Task<string> IssueAsync(KyodoAppFactory app, string name, params string[] scopes)
    {
        await using var scope = ScopeAs.User(app.Services, Web.Identity.Roles.Administrator);
        return await scope.ServiceProvider.GetRequiredService<ApiKeyService>().IssueAsync(name, scopes.Length > 0 ? scopes : ApiScopes.All.ToList());
    }

    public static async Task RevokeAsync(KyodoAppFactory app, string secret)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        var hash = ApiKey.HashOf(secret);
        var id = await db.ApiKeys.Where(k => k.Hash == hash).Select(k => k.Id).SingleAsync();
        await using var scope = ScopeAs.User(app.Services, Web.Identity.Roles.Administrator);
        await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(id);
    }
}
