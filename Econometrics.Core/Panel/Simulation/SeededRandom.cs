namespace Econometrics.Panel.Simulation;

/// <summary>
/// A small documented generator for simulations: SplitMix64 (Steele, Lea and Flood 2014) for uniforms and the
/// Marsaglia polar method for normals. Each replication owns one, seeded from (seed, cell, replication), so results
/// do not depend on the thread count or the order in which replications run.
/// </summary>
internal sealed class SeededRandom(ulong state)
{
    private ulong _state = state;
    private double? _spare;

    /// <summary>A seed for replication <paramref name="replication"/> of cell <paramref name="cell"/> under a study seed.</summary>
    public static ulong Derive(long seed, int cell, int replication)
    {
        ulong z = SplitMix64.StreamKey((ulong)seed, (uint)cell, (uint)replication);
        return SplitMix64.Mix(SplitMix64.Mix(z) + 0xD1B54A32D192ED03UL);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits() { _state += SplitMix64.Golden; return SplitMix64.Mix(_state); }

    /// <summary>Uniform on [0, 1).</summary>
    public double Uniform() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal.</summary>
    public double Normal()
    {
        if (_spare is { } s) { _spare = null; return s; }
        double u, v, q;
        do { u = 2 * Uniform() - 1; v = 2 * Uniform() - 1; q = u * u + v * v; } while (q >= 1 || q == 0);
        double f = Math.Sqrt(-2 * Math.Log(q) / q);
        _spare = v * f;
        return u * f;
    }

    /// <summary>Chi-square with integer degrees of freedom.</summary>
    public double ChiSquared(int df) { double s = 0; for (int k = 0; k < df; k++) { double z = Normal(); s += z * z; } return s; }

    /// <summary>A standardized draw from <paramref name="law"/>.</summary>
    public double Error(ErrorDistribution law) => law switch
    {
        ErrorDistribution.Gaussian => Normal(),
        ErrorDistribution.ChiSquared => (ChiSquared(2) - 2) / 2,
        _ => Normal() / Math.Sqrt(ChiSquared(5) / 5) * Math.Sqrt(3.0 / 5.0),
    };

    /// <summary>+1 or -1 with equal probability.</summary>
    public double Rademacher() => (NextBits() >> 63) == 0 ? -1.0 : 1.0;
}
