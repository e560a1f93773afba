namespace KyodoHub.Web.Features.Forms;

/// <summary>Fixed choices the forms share, and the small helper they all use to tick them.</summary>
public static class Choices
{
    /// <summary>The languages the forms offer, Japanese first (codes as stored, names from <c>Language_{code}</c>).</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ja", "en", "zh", "ko", "vi", "pt", "es", "tl", "ne"];

    /// <summary>The languages besides Japanese, for forms where Japanese goes without saying.</summary>
    public static IReadOnlyList<string> OtherLanguages { get; } = [.. Languages.Skip(1)];

    /// <summary>Adds or removes a ticked value.</summary>
    public static void Set<T>(this ISet<T> set, T value, bool on)
    {
        if (on)
        {
            set.Add(value);
        }
        else
        {
            set.Remove(value);
        }
    }
}
