using System.Net;
using System.Net.Http.Json;
using KyodoHub.Core.Audit;
using KyodoHub.Tests.Infrastructure;
using KyodoHub.Web.Data;
using KyodoHub.Web.Features.Account;
using KyodoHub.Web.Features.Audit;
using KyodoHub.Web.Features.Offers;
using KyodoHub.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KyodoHub.Tests.Security;

[Collection(AppCollection.Name)]
public class AuditOfAccessTests(AppFixture fixture)
{
    private KyodoAppFactory App => fixture.App;

    [Fact]
    public async Task FailedAndSuccessfulSignInsAreAuditedWithTheAccountAndAddress()
    {
        const string email = "coordinator2@kyodohub.example";
        using var client = App.NewClient();
        await SignInForm.PostAsync(client, email, "not-the-password-at-all");
        await SignInForm.PostAsync(client, email, DemoUsers.Password);

        var entries = await EntriesAsync(e => e.UserName == email && (e.Action == AuditLog.SignIn || e.Action == AuditLog.SignInFailed));
        var failed = entries.Last(e => e.Action == AuditLog.SignInFailed);
        var succeeded = entries.Last(e => e.Action == AuditLog.SignIn);
        Assert.Equal("WrongPassword", failed.Detail);
        Assert.True(succeeded.Id > failed.Id);
        Assert.NotNull(succeeded.UserId);
        Assert.Equal("127.0.0.1", succeeded.Address);
    }

    [Fact]
    public async Task ALineBreakTypedIntoTheSignInFormCannotForgeAnAuditEntry()
    {
        const string forged = "someone@example.jp\r\n2026-11-29 10:00 admin@kyodohub.example SignIn";
        using var client = App.NewClient();
        await SignInForm.PostAsync(client, forged, "not-the-password-at-all");

        var entry = (await EntriesAsync(e => e.Action == AuditLog.SignInFailed && e.UserName.StartsWith("someone@example.jp"))).Single();
        Assert.Equal("someone@example.jp\\u000d\\u000a2026-11-29 10:00 admin@kyodohub.example SignIn", entry.UserName);
        Assert.DoesNotContain('\r', entry.UserName);
        Assert.DoesNotContain('\n', entry.UserName);
        Assert.Equal("UnknownAccount", entry.Detail);
    }

    [Fact]
    public async Task AnUnknownApiKeyIsRefusedAndAuditedWithoutTheKey()
    {
        const string unknown = "kh_not_a_key_of_ours_0123456789";
        using var client = TestRequests.ApiClient(App, unknown);
        using var refused = await client.PostAsJsonAsync("/api/requests", TestRequests.Valid(), Json.Options);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var entry = await EventuallyAsync(e => e.Action == AuditLog.AccessDenied && e.UserName == "api:unknown-key" && e.Detail == "UnknownApiKey");
        Assert.Equal("127.0.0.1", entry.Address);
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.UserName.Contains(unknown) || (e.Detail != null && e.Detail.Contains(unknown))));
    }

    [Fact]
    public async Task ARefusalInsideAServiceIsAuditedUnderTheRefusedUser()
    {
        const string who = "refused-desk@test.kyodohub.example";
        await using (var scope = ScopeAs.User(App.Services, Roles.DeskStaff, userName: who))
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<OfferService>().SendAsync(1, [1]));
        }
        var entry = await EventuallyAsync(e => e.Action == AuditLog.AccessDenied && e.UserName == who);
        Assert.Contains("Coordinator", entry.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/exports/registrants.csv")]
    [InlineData("/exports/groups.csv")]
    [InlineData("/reports/Monthly.csv")]
    public async Task DeskStaffCannotBulkExportAndTheRefusalIsAudited(string export)
    {
        using var desk = App.NewClient();
        await SignInForm.PostAsync(desk, DemoUsers.EmailOf(Roles.DeskStaff), DemoUsers.Password);
        using var refused = await desk.GetAsync(export);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", Redirect.PathOf(refused), StringComparison.Ordinal);
        Assert.NotEqual("text/csv", refused.Content.Headers.ContentType?.MediaType);
        await EventuallyAsync(e => e.Action == AuditLog.AccessDenied && e.UserName == DemoUsers.EmailOf(Roles.DeskStaff) && e.Detail == export);
    }

    [Theory]
    [InlineData(Roles.Coordinator, "/exports/registrants.csv")]
    [InlineData(Roles.Administrator, "/exports/registrants.csv")]
    [InlineData(Roles.Coordinator, "/reports/Monthly.csv")]
    [InlineData(Roles.Administrator, "/reports/Monthly.csv")]
    public async Task CoordinatorsAndAdministratorsCanExport(string role, string export)
    {
        using var client = App.NewClient();
        await SignInForm.PostAsync(client, DemoUsers.EmailOf(role), DemoUsers.Password);
        using var response = await client.GetAsync(export);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    private async Task<List<AuditEntry>> EntriesAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<KyodoDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(where).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Refusals are written in the background: waits a little for the entry.</summary>
    private async Task<AuditEntry> EventuallyAsync(System.Linq.Expressions.Expression<Func<AuditEntry, bool>> where)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if ((await EntriesAsync(where)).LastOrDefault() is { } entry)
            {
                return entry;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("No such audit entry was written within 5 seconds.");
    }
}
