namespace KyodoHub.Core.Matching;

/// <summary>Bit operations on spans of 64-bit words.</summary>
internal static class Bits
{
    public static void Set(Span<ulong> words, int bit) => words[bit >> 6] |= 1UL << (bit & 63);

    /// <summary>Sets bits <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public static void SetRange(Span<ulong> words, int from, int to)
    {
        for (var bit = from; bit < to; bit++)
        {
            Set(words, bit);
        }
    }
}
