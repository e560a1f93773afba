using System.Security.Cryptography;
using System.Text;
using KyodoHub.Core.Common;

namespace KyodoHub.Web.Features.ApiKeys;

/// <summary>What an API key may do.</summary>
public static class ApiScopes
{
    public const string ClaimType = "scope";
    public const string RequestsWrite = "requests:write";
    public const string RequestsRead = "requests:read";
    public const string EventsRead = "events:read";

    public static IReadOnlyList<string> All { get; } = [RequestsWrite, RequestsRead, EventsRead];
}

/// <summary>
/// A key another system uses in <c>X-Api-Key</c>. Only a SHA-256 hash of the secret is stored
/// (the secret is 256 random bits, so a fast hash is enough); the secret is shown once, when issued.
/// </summary>
public sealed class ApiKey
{
    private const string KeyPrefix = "kh_";

    private ApiKey() { }

    private ApiKey(string name, string prefix, string hash, IEnumerable<string> scopes, string createdBy, DateTimeOffset createdAt)
    {
        Name = Guard.Required(name, nameof(Name), 100);
        Prefix = prefix;
        Hash = hash;
        Scopes = scopes.Distinct().Order().ToList();
        if (Scopes.Count == 0 || Scopes.Any(s => !ApiScopes.All.Contains(s)))
        {
            throw new DomainValidationException(nameof(Scopes), "Required", "Choose at least one known scope.");
        }
        CreatedBy = Guard.Required(createdBy, nameof(CreatedBy), 256);
        CreatedAt = createdAt.ToUniversalTime();
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The first characters of the key, shown in lists so that people can tell keys apart.</summary>
    public string Prefix { get; private set; } = "";

    public string Hash { get; private set; } = "";
    public List<string> Scopes { get; private set; } = [];
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Issues a new key; returns the entity to store and the secret to show once.</summary>
    public static (ApiKey Key, string Secret) Issue(string name, IEnumerable<string> scopes, string createdBy, DateTimeOffset now, string? secret = null)
    {
        secret ??= KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (new ApiKey(name, secret[..Math.Min(10, secret.Length)], HashOf(secret), scopes, createdBy, now), secret);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now.ToUniversalTime();

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
