namespace Econometrics;

/// <summary>
/// The SplitMix64 finalizer (Steele, Lea and Flood 2014), the one bit mixer every seeded procedure uses to derive
/// independent, reproducible streams from (seed, cell, replication) keys; unlike HashCode.Combine it is the same
/// in every process.
/// </summary>
internal static class SplitMix64
{
    /// <summary>The golden-ratio increment of the SplitMix64 sequence.</summary>
    public const ulong Golden = 0x9E3779B97F4A7C15UL;

    /// <summary>Mixes 64 bits into 64 well-distributed bits.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// The key of stream (a, b) under a study seed, <c>seed * golden XOR (a &lt;&lt; 32 | b)</c>: every seeded procedure
    /// numbers its independent streams (cell and replication, start and person) this way and mixes the key, so a
    /// stream depends only on its own coordinates, never on the thread that draws it or the order streams run.
    /// </summary>
    public static ulong StreamKey(ulong seed, uint a, uint b) => unchecked(seed * Golden ^ ((ulong)a << 32 | b));

    /// <summary>Mixes a key into a non-negative seed for <see cref="System.Random"/>.</summary>
    public static int ToSeed(ulong z) => (int)(Mix(z) & 0x7FFFFFFF);
}
