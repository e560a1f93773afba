using System.Text;
using KyodoHub.Core.Skills;
using KyodoHub.Core.Text;

namespace KyodoHub.Core.Matching;

/// <summary>
/// Finds the skill tags that free text talks about, by the tags' Japanese and English names and
/// their synonyms, with kana and width folded (<see cref="TextFolding"/>): "ｽﾎﾟｰﾂ", "すぽーつ" and
/// "スポーツ" find the same tags. Immutable and thread-safe; build one per taxonomy version.
/// </summary>
/// <remarks>
/// A tag matches when one of its names occurs in the text (a request's description), or when a
/// word of the text occurs in one of its names (a search box: "ぱそこん" finds "パソコン教室").
/// Latin names and words match at word boundaries only, so that "art" does not find "smartphone".
/// Names and words shorter than two characters are ignored.
/// </remarks>
public sealed class SkillTextMatcher
{
    private const int MinLength = 2;
    private static readonly char[] Separators = " \t\r\n\u3000、。,，.．・･/／;；:：!！?？()（）「」『』[]［］【】\"'“”‘’|｜".ToCharArray();

    private readonly Key[] _keys;

    /// <summary>Prepares the folded names of the taxonomy's tags.</summary>
    public SkillTextMatcher(IEnumerable<SkillTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var keys = new List<Key>();
        foreach (var tag in tags)
        {
            foreach (var name in Names(tag))
            {
                var spaced = FoldSpaced(name);
                var latin = IsAscii(spaced);
                var text = latin ? spaced : TextFolding.Fold(name);
                if (text.Length >= MinLength)
                {
                    keys.Add(new Key(tag.Id, text, latin));
                }
            }
        }
        _keys = [.. keys.Distinct()];
    }

    /// <summary>The ids of the tags the text mentions, ascending; empty for blank text.</summary>
    public IReadOnlyList<int> Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var spaceless = TextFolding.Fold(text);
        var spaced = FoldSpaced(text);
        var words = spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= MinLength).ToArray();
        var found = new SortedSet<int>();
        foreach (var key in _keys)
        {
            if (found.Contains(key.TagId))
            {
                continue;
            }
            var keyInText = key.Latin ? ContainsWord(spaced, key.Text, wholeWord: true) : spaceless.Contains(key.Text, StringComparison.Ordinal);
            if (keyInText || words.Any(w => IsAscii(w) ? ContainsWord(key.Text, w, wholeWord: false) : key.Text.Contains(w, StringComparison.Ordinal)))
            {
                found.Add(key.TagId);
            }
        }
        return [.. found];
    }

    /// <summary>The tag's names: Japanese, English and synonyms.</summary>
    internal static IEnumerable<string> Names(SkillTag tag) => [tag.NameJa, tag.NameEn, .. tag.Synonyms];

    /// <summary>Folds each word and joins the words with single spaces, keeping word boundaries that folding drops.</summary>
    internal static string FoldSpaced(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var word in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = TextFolding.Fold(word);
            if (folded.Length > 0)
            {
                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }
                sb.Append(folded);
            }
        }
        return sb.ToString();
    }

    private static bool IsAscii(string text) => text.All(char.IsAscii);

    // Finds needle in haystack starting at a word start, and when wholeWord also ending at a word end.
    private static bool ContainsWord(string haystack, string needle, bool wholeWord)
    {
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            var startsWord = at == 0 || !char.IsAsciiLetterOrDigit(haystack[at - 1]);
            var end = at + needle.Length;
            var endsWord = !wholeWord || end == haystack.Length || !char.IsAsciiLetterOrDigit(haystack[end]);
            if (startsWord && endsWord)
            {
                return true;
            }
        }
        return false;
    }

    private sealed record Key(int TagId, string Text, bool Latin);
}
