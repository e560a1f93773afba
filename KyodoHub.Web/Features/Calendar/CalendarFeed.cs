using System.Security.Cryptography;
using System.Text;
using KyodoHub.Core.Common;

namespace KyodoHub.Web.Features.Calendar;

/// <summary>
/// A registrant's private calendar address, <c>/calendar/{token}.ics</c>. The token is the only
/// secret, so only a SHA-256 hash of it is stored (it is 256 random bits, so a fast hash is
/// enough) and it is shown once, when issued. Issuing again replaces it: the old address stops
/// working at once.
/// </summary>
public sealed class CalendarFeed
{
    private CalendarFeed() { }

    private CalendarFeed(int registrantId, string tokenHash, DateTimeOffset issuedAt)
    {
        RegistrantId = Guard.PositiveId(registrantId, nameof(RegistrantId));
        TokenHash = tokenHash;
        IssuedAt = issuedAt.ToUniversalTime();
    }

    public int Id { get; private set; }
    public int RegistrantId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>A feed for a registrant and its token, to show once.</summary>
    public static (CalendarFeed Feed, string Token) Issue(int registrantId, DateTimeOffset now)
    {
        var token = NewToken();
        return (new CalendarFeed(registrantId, HashOf(token), now), token);
    }

    /// <summary>Replaces the token; returns the new one, to show once.</summary>
    public string Reissue(DateTimeOffset now)
    {
        var token = NewToken();
        (TokenHash, IssuedAt) = (HashOf(token), now.ToUniversalTime());
        return token;
    }

    /// <summary>Whether a string could be a token at all, so that junk is refused before any lookup.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
