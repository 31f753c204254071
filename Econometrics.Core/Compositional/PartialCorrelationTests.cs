using System.Diagnostics.CodeAnalysis;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>t and Fisher-z tests of log-ratio partial correlations with the D - 3 conditioning dimensions, plus adjustment.</summary>
/// <param name="Df">t degrees of freedom <c>n - D + 1</c>, or null when no test is available.</param>
/// <param name="Statistic">t statistics (NaN diagonal); this and every other matrix is null when no test is available.</param>
/// <param name="PValues">Two-sided t p-values.</param>
/// <param name="FisherZ">Fisher z statistics <c>atanh(rho) sqrt(n - D)</c>.</param>
/// <param name="FisherPValues">Two-sided normal p-values of the Fisher z statistics.</param>
/// <param name="AdjustedPValues">t p-values adjusted over the upper triangle.</param>
/// <param name="Lower">Lower Fisher-z confidence limits.</param>
/// <param name="Upper">Upper Fisher-z confidence limits.</param>
/// <param name="Level">Confidence level.</param>
/// <param name="Adjustment">The adjustment applied.</param>
public sealed record PartialCorrelationTests(
    int? Df, Matrix<double>? Statistic, Matrix<double>? PValues, Matrix<double>? FisherZ, Matrix<double>? FisherPValues,
    Matrix<double>? AdjustedPValues, Matrix<double>? Lower, Matrix<double>? Upper, double Level, PValueAdjustment Adjustment)
{
    /// <summary>Whether p-values and intervals exist (sample covariance and n &gt; D).</summary>
    [MemberNotNullWhen(true, nameof(Statistic), nameof(PValues), nameof(FisherZ), nameof(FisherPValues), nameof(AdjustedPValues), nameof(Lower),
        nameof(Upper))]
    public bool Available => Df is not null;

    /// <summary>Tests exist for the sample covariance with n &gt; D (df = n - D + 1 &gt; 1).</summary>
    private static bool Testable(int n, int d, bool shrunk) => !shrunk && n > d;

    /// <summary>Why there are no tests (a "no-tests" diagnostic), or null when there are.</summary>
    internal static Diagnostic? Unavailable(int n, int d, bool shrunk) => Testable(n, d, shrunk)
        ? null
        : Diagnostic.Info(shrunk
            ? "No p-values or intervals: after shrinkage the null distribution of the partial correlations is unknown."
            : $"No p-values or intervals: the tests need n > D ({n} samples, {d} parts).", "no-tests");

    internal static PartialCorrelationTests Compute(Matrix<double> pcor, int n, int d, double level, PValueAdjustment adjustment, bool shrunk)
    {
        if (!Testable(n, d, shrunk)) return new(null, null, null, null, null, null, null, null, level, adjustment);
        var nan = Matrix<double>.Build.Dense(d, d, double.NaN);
        int df = n - d + 1;
        double se = 1.0 / Math.Sqrt(n - d);
        double q = ReferenceDistribution.Normal.Quantile(1 - (1 - level) / 2);
        var t = ReferenceDistribution.StudentT(df);
        var stat = nan.Clone(); var p = nan.Clone(); var z = nan.Clone(); var pz = nan.Clone(); var lo = nan.Clone(); var hi = nan.Clone();
        var upper = new List<(int I, int J)>();
        for (int i = 0; i < d; i++)
            for (int j = i + 1; j < d; j++)
            {
                upper.Add((i, j));
                double rho = pcor[i, j];
                // |rho| = 1 exactly gives an infinite statistic; its p-value is 0, which the limit makes explicit.
                double ts = Math.Abs(rho) < 1 ? rho * Math.Sqrt(df / (1 - rho * rho)) : Math.CopySign(double.PositiveInfinity, rho);
                double zs = Math.Abs(rho) < 1 ? Math.Atanh(rho) / se : ts;
                double pt = double.IsInfinity(ts) ? 0.0 : t.PValue(ts, Tail.TwoSided)!.Value;
                double pn = double.IsInfinity(zs) ? 0.0 : ReferenceDistribution.Normal.PValue(zs, Tail.TwoSided)!.Value;
                double a = Math.Abs(rho) < 1 ? Math.Atanh(rho) : Math.CopySign(20.0, rho);
                stat[i, j] = stat[j, i] = ts;
                p[i, j] = p[j, i] = pt;
                z[i, j] = z[j, i] = zs;
                pz[i, j] = pz[j, i] = pn;
                lo[i, j] = lo[j, i] = Math.Tanh(a - q * se);
                hi[i, j] = hi[j, i] = Math.Tanh(a + q * se);
            }
        var adj = MultipleTesting.Adjust(upper.Select(u => p[u.I, u.J]).ToArray(), adjustment);
        var ap = nan.Clone();
        for (int k = 0; k < upper.Count; k++) ap[upper[k].I, upper[k].J] = ap[upper[k].J, upper[k].I] = adj[k];
        return new(df, stat, p, z, pz, ap, lo, hi, level, adjustment);
    }
}
