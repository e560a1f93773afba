using System.Runtime.CompilerServices;

namespace KyodoHub.Core.Matching;

/// <summary>
/// Keeps the best <c>capacity</c> entries seen, by key descending and registrant id ascending,
/// in a fixed array: a min-heap whose root is the worst entry kept.
/// </summary>
internal sealed class TopHeap(int capacity)
{
    private readonly Entry[] _entries = new Entry[capacity];

    public int Count { get; private set; }

    public int Capacity => _entries.Length;

    /// <summary>Whether an entry with this key and id would be kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Admits(double key, int id) =>
        Count < _entries.Length || (_entries.Length > 0 && IsBetter(key, id, _entries[0]));

    public void Offer(double key, int id, int page, int slot)
    {
        if (Count < _entries.Length)
        {
            var at = Count++;
            _entries[at] = new Entry(key, id, page, slot);
            SiftUp(at);
        }
        else if (_entries.Length > 0 && IsBetter(key, id, _entries[0]))
        {
            _entries[0] = new Entry(key, id, page, slot);
            SiftDown(0);
        }
    }

    /// <summary>The entries kept, best first. Empties the heap.</summary>
    public Entry[] DrainBestFirst()
    {
        var result = new Entry[Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = _entries[0];
            _entries[0] = _entries[--Count];
            SiftDown(0);
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBetter(double key, int id, in Entry than) =>
        key > than.Key || (key == than.Key && id < than.Id);

    private static bool IsWorse(in Entry a, in Entry b) => IsBetter(b.Key, b.Id, a);

    private void SiftUp(int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!IsWorse(_entries[at], _entries[parent]))
            {
                break;
            }
            (_entries[at], _entries[parent]) = (_entries[parent], _entries[at]);
            at = parent;
        }
    }

    private void SiftDown(int at)
    {
        while (true)
        {
            var worst = at;
            var left = (2 * at) + 1;
            var right = left + 1;
            if (left < Count && IsWorse(_entries[left], _entries[worst]))
            {
                worst = left;
            }
            if (right < Count && IsWorse(_entries[right], _entries[worst]))
            {
                worst = right;
            }
            if (worst == at)
            {
                return;
            }
            (_entries[at], _entries[worst]) = (_entries[worst], _entries[at]);
            at = worst;
        }
    }

    internal readonly record struct Entry(double Key, int Id, int Page, int Slot);
}
