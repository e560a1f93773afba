using KyodoHub.Core.Areas;
using KyodoHub.Core.Skills;
using KyodoHub.Core.Text;

namespace KyodoHub.Core.Matching;

/// <summary>
/// How an index encodes registrants: bit positions of skill tags and languages, dense numbers of
/// areas, and the taxonomy relations (synonyms, category neighbours) as masks. Immutable; an
/// index that meets a new language gets a schema with one more language bit.
/// </summary>
internal sealed class IndexSchema
{
    /// <summary>Language bits 0..62 name one language each; bit 63 stands for "a language beyond those".</summary>
    public const int OtherLanguageBit = 63;

    private readonly Dictionary<int, int> _tagBits;
    private readonly Dictionary<int, int> _areaIndexes;
    private readonly Dictionary<string, int> _languageBits;

    private IndexSchema(IndexSchema other, Dictionary<string, int> languageBits)
    {
        _tagBits = other._tagBits;
        _areaIndexes = other._areaIndexes;
        _languageBits = languageBits;
        TagIds = other.TagIds;
        SkillWords = other.SkillWords;
        SynonymMasks = other.SynonymMasks;
        CategoryMasks = other.CategoryMasks;
        Areas = other.Areas;
        Tags = other.Tags;
    }

    private IndexSchema(IReadOnlyList<Area> areas, IReadOnlyList<SkillTag> tags)
    {
        _areaIndexes = [];
        for (var i = 0; i < areas.Count; i++)
        {
            var area = areas[i] ?? throw new ArgumentException("An area is missing.", nameof(areas));
            if (!_areaIndexes.TryAdd(area.Id, i))
            {
                throw new ArgumentException($"Area {area.Id} appears twice.", nameof(areas));
            }
        }
        Areas = [.. areas];

        _tagBits = [];
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i] ?? throw new ArgumentException("A skill tag is missing.", nameof(tags));
            if (!_tagBits.TryAdd(tag.Id, i))
            {
                throw new ArgumentException($"Skill tag {tag.Id} appears twice.", nameof(tags));
            }
        }
        Tags = [.. tags];
        TagIds = [.. tags.Select(t => t.Id)];
        SkillWords = (tags.Count + 63) / 64;
        SynonymMasks = new ulong[tags.Count * SkillWords];
        CategoryMasks = new ulong[tags.Count * SkillWords];
        var tagsByKey = new Dictionary<string, List<int>>();
        for (var i = 0; i < tags.Count; i++)
        {
            foreach (var key in SkillTextMatcher.Names(tags[i]).Select(TextFolding.Fold).Where(k => k.Length > 0).Distinct())
            {
                if (!tagsByKey.TryGetValue(key, out var list))
                {
                    tagsByKey[key] = list = [];
                }
                list.Add(i);
            }
        }
        foreach (var sharing in tagsByKey.Values)
        {
            foreach (var a in sharing)
            {
                foreach (var b in sharing)
                {
                    if (a != b)
                    {
                        Bits.Set(SynonymMasks.AsSpan(a * SkillWords, SkillWords), b);
                    }
                }
            }
        }
        for (var a = 0; a < tags.Count; a++)
        {
            for (var b = 0; b < tags.Count; b++)
            {
                if (a != b && tags[a].CategoryId == tags[b].CategoryId)
                {
                    Bits.Set(CategoryMasks.AsSpan(a * SkillWords, SkillWords), b);
                }
            }
        }
        _languageBits = new Dictionary<string, int>(StringComparer.Ordinal);
    }

    /// <summary>The areas as given, in dense order.</summary>
    public IReadOnlyList<Area> Areas { get; }

    /// <summary>The skill tags as given, in bit order.</summary>
    public IReadOnlyList<SkillTag> Tags { get; }

    public int AreaCount => Areas.Count;

    /// <summary>Tag id of each skill bit.</summary>
    public int[] TagIds { get; }

    /// <summary>64-bit words of one skill bitset.</summary>
    public int SkillWords { get; }

    /// <summary>Per tag bit, the tags that share a folded name or synonym with it.</summary>
    public ulong[] SynonymMasks { get; }

    /// <summary>Per tag bit, the other tags of its category.</summary>
    public ulong[] CategoryMasks { get; }

    public static IndexSchema Create(IReadOnlyList<Area> areas, IReadOnlyList<SkillTag> tags)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(tags);
        return new IndexSchema(areas, tags);
    }

    /// <summary>The skill bit of a tag, or -1 for a tag outside the taxonomy.</summary>
    public int TagBit(int tagId) => _tagBits.TryGetValue(tagId, out var bit) ? bit : -1;

    /// <summary>The dense index of an area, or <see cref="AreaCount"/> for an unknown area.</summary>
    public int AreaIndex(int areaId) => _areaIndexes.TryGetValue(areaId, out var index) ? index : AreaCount;

    /// <summary>The bit of a language, or <see cref="OtherLanguageBit"/> for one beyond the first 63 seen.</summary>
    public int LanguageBit(string code) => _languageBits.TryGetValue(code, out var bit) ? bit : OtherLanguageBit;

    /// <summary>Whether a language has a bit of its own.</summary>
    public bool HasLanguageBit(string code) => _languageBits.ContainsKey(code);

    /// <summary>The language a bit stands for, or null for <see cref="OtherLanguageBit"/> and unused bits.</summary>
    public string? LanguageOf(int bit) => _languageBits.FirstOrDefault(l => l.Value == bit).Key;

    /// <summary>This schema, or a copy with bits for languages it has not seen while bits remain.</summary>
    public IndexSchema WithLanguages(IReadOnlyList<string> codes)
    {
        Dictionary<string, int>? grown = null;
        foreach (var code in codes)
        {
            var bits = grown ?? _languageBits;
            if (!bits.ContainsKey(code) && bits.Count < OtherLanguageBit)
            {
                grown ??= new Dictionary<string, int>(_languageBits, StringComparer.Ordinal);
                grown[code] = grown.Count;
            }
        }
        return grown is null ? this : new IndexSchema(this, grown);
    }
}
