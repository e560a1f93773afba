using System.Globalization;
using System.Text;

namespace KyodoHub.Core.Text;

/// <summary>
/// Folds text for search so that ｶﾀｶﾅ = カタカナ = かたかな and ＡＢＣ = ABC = abc: NFKC
/// normalisation (width, composed voicing marks), hiragana to katakana, lower case, and no spaces.
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            // Hiragana ぁ..ゖ and the iteration marks ゝゞ map to katakana by a fixed offset.
            if (c is >= '\u3041' and <= '\u3096' or '\u309D' or '\u309E')
            {
                sb.Append((char)(c + 0x60));
            }
            else
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// A reading (フリガナ) as people expect to see it stored: NFKC normalisation (half-width ｶﾀｶﾅ
    /// becomes full width), hiragana turned into katakana, trimmed, and every run of spaces (full or
    /// half width) one half-width space. Letters that are not kana are kept, for the caller to refuse.
    /// </summary>
    public static string ToKatakanaReading(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var normalised = text.Normalize(NormalizationForm.FormKC).Trim();
        var sb = new StringBuilder(normalised.Length);
        foreach (var c in normalised)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c is >= '\u3041' and <= '\u3096' or '\u309D' or '\u309E' ? (char)(c + 0x60) : c);
            }
        }
        return sb.ToString();
    }

    /// <summary>Whether <paramref name="haystack"/> contains <paramref name="needle"/> once both are folded.</summary>
    public static bool FoldedContains(string? haystack, string? needle)
    {
        var n = Fold(needle);
        return n.Length == 0 || Fold(haystack).Contains(n, StringComparison.Ordinal);
    }

    /// <summary>Whether the text is all kana (after folding), i.e. could be a furigana reading.</summary>
    public static bool IsKana(string text) =>
        text.Length > 0 && Fold(text).All(c => c is >= '\u30A0' and <= '\u30FF' or 'ー');

    internal static CultureInfo Invariant => CultureInfo.InvariantCulture;
}
