using KyodoHub.Web.Features.Account;

namespace KyodoHub.Web.Features.Audit;

/// <summary>Who did something, and from which address, as the audit log records it.</summary>
public sealed record AuditActor(string? UserId, string UserName, string? Address)
{
    /// <summary>Work done by the app itself: seeding, migrations, background jobs.</summary>
    public static AuditActor System { get; } = new(null, "system", null);
}

/// <summary>
/// Resolves the actor of the current scope (a circuit or an HTTP request): the signed-in user and
/// the client's address. Scoped, so it is never shared between users.
/// </summary>
public sealed class AuditActorSource(CurrentUser currentUser, ClientAddress address)
{
    public async Task<AuditActor> GetAsync()
    {
        var user = await currentUser.GetAsync();
        return user.IsAuthenticated
            ? new AuditActor(user.UserId, user.UserName, address.Value)
            : new AuditActor(null, "anonymous", address.Value);
    }
}

/// <summary>
/// The actor source of the work in progress, for code that lives outside the DI scope (the
/// database context is created by a singleton factory). Set per circuit activity by
/// <see cref="AuditCircuitHandler"/> and per HTTP request by <see cref="AuditMiddleware"/>;
/// unset for the app's own work, which is then not audited.
/// </summary>
public static class AuditAmbient
{
    private static readonly AsyncLocal<AuditActorSource?> CurrentSource = new();

    public static AuditActorSource? Current => CurrentSource.Value;

    /// <summary>Makes <paramref name="source"/> the actor for the rest of the calling flow.</summary>
    public static void Use(AuditActorSource? source) => CurrentSource.Value = source;
}
