using System.Text;

namespace Market.Core.DemoData;

/// <summary>
/// Deterministic choices for demo data: the same key gives the same number in every process and on
/// every machine, which string.GetHashCode (randomized per process) does not.
/// </summary>
internal static class StableHash
{
    /// <summary>FNV-1a over UTF-8, then the MurmurHash3 finalizer: FNV alone mixes its last bytes poorly into the low bits that remainders use.</summary>
    public static uint Of(string key)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 16777619u;
        }
        hash ^= hash >> 16;
        hash *= 0x85ebca6bu;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35u;
        hash ^= hash >> 16;
        return hash;
    }

    /// <summary>A number from 0 to count − 1.</summary>
    public static int Below(string key, int count) => (int)(Of(key) % (uint)count);

    /// <summary>A number from min to max, both included.</summary>
    public static int Between(string key, int min, int max) => min + Below(key, max - min + 1);

    /// <summary>A number in [0, 1).</summary>
    public static double Fraction(string key) => Of(key) / 4294967296.0;

    public static T Pick<T>(string key, IReadOnlyList<T> choices) => choices[Below(key, choices.Count)];
}
