using MathNet.Numerics.Integration;

namespace Econometrics;

/// <summary>
/// The distribution of Q = Σ λ_j Z_j² with Z_j independent N(0, 1) and real weights λ_j of either sign: the limit of a
/// likelihood-ratio statistic between misspecified or overlapping models (Vuong 1989, Theorem 3.3), e.g. the
/// Vuong-Lo-Mendell-Rubin test of K − 1 against K mixture classes.
/// </summary>
public static class WeightedChiSquare
{
    /// <summary>
    /// P(Q &gt; x) by Imhof's (1961, eq. 3.2) inversion of the characteristic function,
    /// P(Q &gt; x) = 1/2 + (1/π) ∫₀^∞ sin θ(u) / (u ρ(u)) du with θ(u) = ½ Σ arctan(λ_j u) − ½ x u and
    /// ρ(u) = Π (1 + λ_j² u²)^{1/4}. Absolute accuracy about 1e-9; weights below 1e-12 of the largest are zero.
    /// </summary>
    /// <param name="weights">The weights λ_j (eigenvalues); at least one must be non-zero and all finite.</param>
    /// <param name="x">The point.</param>
    /// <exception cref="ArgumentException">A weight is not finite, or every weight is zero.</exception>
    public static double Survival(IReadOnlyList<double> weights, double x)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Any(w => !double.IsFinite(w))) throw new ArgumentException("Every weight must be finite.", nameof(weights));
        if (double.IsNaN(x)) return double.NaN;
        double scale = weights.Count == 0 ? 0 : weights.Max(Math.Abs);
        if (!(scale > 0)) throw new ArgumentException("At least one weight must be non-zero.", nameof(weights));
        var l = weights.Where(w => Math.Abs(w) > 1e-12 * scale).Select(w => w / scale).ToArray();
        x /= scale;   // Q / max|λ| has weights in [−1, 1]
        if (l.All(w => w > 0) && x <= 0) return 1;
        if (l.All(w => w < 0) && x >= 0) return 0;
        if (double.IsPositiveInfinity(x)) return 0;
        if (double.IsNegativeInfinity(x)) return 1;

        double Integrand(double u)
        {
            if (u == 0) return 0.5 * (l.Sum() - x);
            double theta = -0.5 * x * u, logRho = 0;
            foreach (var w in l) { theta += 0.5 * Math.Atan(w * u); logRho += 0.25 * Math.Log(1 + w * w * u * u); }
            return Math.Sin(theta) / (u * Math.Exp(logRho));
        }
        // |∫_U^∞| ≤ 1 / (π k U^k Π|λ_j|^{1/2}), k = r/2 (Imhof eq. 3.4).
        double k = 0.5 * l.Length, logProd = 0.5 * l.Sum(w => Math.Log(Math.Abs(w)));
        double TailBound(double u) => Math.Exp(-Math.Log(Math.PI * k) - k * Math.Log(u) - logProd);
        // Segments: doubling from 1 until a half-period 2π/|x| of the oscillating factor, then half-periods, whose
        // integrals alternate in sign; a long alternating tail is summed by repeated averaging of its partial sums.
        double half = x == 0 ? double.PositiveInfinity : 2 * Math.PI / Math.Abs(x);
        double a = 0, b = Math.Min(1, half), total = 0;
        var partial = new List<double>();
        const int MaxSegments = 4000;
        for (int seg = 0; seg < MaxSegments; seg++)
        {
            total += GaussKronrodRule.Integrate(Integrand, a, b, out _, out _, 1e-11, 20, 31);
            if (TailBound(b) < 1e-11) return Clamp(0.5 + total / Math.PI);
            if (b >= half) partial.Add(total);
            a = b;
            b = b < half ? Math.Min(2 * b, half) : b + half;
        }
        if (partial.Count == 0) return Clamp(0.5 + total / Math.PI);
        // Euler's transformation by repeated averaging of the last partial sums of the alternating tail.
        var s = partial.Skip(Math.Max(0, partial.Count - 40)).ToArray();
        for (int round = s.Length - 1; round > 0; round--)
            for (int j = 0; j < round; j++) s[j] = 0.5 * (s[j] + s[j + 1]);
        return Clamp(0.5 + s[0] / Math.PI);
    }

    /// <summary>The mean Σλ_j and standard deviation (2 Σλ_j²)^{1/2} of Q.</summary>
    /// <param name="weights">The weights.</param>
    public static (double Mean, double StandardDeviation) Moments(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return (weights.Sum(), Math.Sqrt(2 * weights.Sum(w => w * w)));
    }

    private static double Clamp(double p) => Math.Clamp(p, 0, 1);
}
