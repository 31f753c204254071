using Econometrics.Inference;
using MathNet.Numerics.Distributions;

namespace Econometrics.Causal.Invariance;

/// <summary>Two-sample and K-sample tests on residuals, with upper tails from survival functions (no 1 - cdf).</summary>
internal static class ResidualTests
{
    /// <summary>Welch two-sample t test p-value (R <c>t.test(x, y)</c>) from sufficient statistics.</summary>
    public static double WelchPValue(double mean1, double var1, int n1, double mean2, double var2, int n2)
    {
        double a = var1 / n1, b = var2 / n2, se2 = a + b;
        if (!(se2 > 0)) return mean1 == mean2 ? 1.0 : 0.0;
        double t = (mean1 - mean2) / Math.Sqrt(se2);
        double df = se2 * se2 / (a * a / (n1 - 1) + b * b / (n2 - 1));
        return Math.Min(1.0, 2 * StudentT.CDF(0, 1, df, -Math.Abs(t)));
    }

    /// <summary>Two-sided F test of equal variances (R <c>var.test(x, y)</c>): 2 min(P(F &lt;= f), P(F &gt;= f)).</summary>
    public static double VarianceRatioPValue(double var1, int n1, double var2, int n2)
    {
        var f = ReferenceDistribution.F(n1 - 1, n2 - 1);
        double ratio = var1 / var2;
        if (!double.IsFinite(ratio)) return 0.0;
        // One tail evaluation suffices: below the median the lower tail is the smaller one (and 1 - cdf would be
        // exact there anyway); above it the survival function keeps relative precision.
        double lower = f.Cdf(ratio);
        return Math.Min(1.0, 2 * (lower <= 0.5 ? lower : f.Survival(ratio)));
    }

    /// <summary>
    /// Levene's test (center = mean) or Brown-Forsythe (center = median): one-way ANOVA F on |r - center_k|,
    /// as <c>car::leveneTest</c> computes it.
    /// </summary>
    public static TestResult Levene(double[] residuals, Environments environments, bool median)
    {
        int K = environments.K, n = residuals.Length;
        var z = new double[n];
        var means = new double[K];
        double grand = 0;
        for (int k = 0; k < K; k++)
        {
            int s = environments.Start(k), nk = environments.Count(k);
            var seg = residuals.AsSpan(s, nk);
            double center = median ? SampleStatistics.Median(seg) : Mean(seg);
            double sum = 0;
            for (int i = 0; i < nk; i++) { z[s + i] = Math.Abs(seg[i] - center); sum += z[s + i]; }
            means[k] = sum / nk;
            grand += sum;
        }
        grand /= n;
        double between = 0, within = 0;
        for (int k = 0; k < K; k++)
        {
            int s = environments.Start(k), nk = environments.Count(k);
            between += nk * (means[k] - grand) * (means[k] - grand);
            for (int i = 0; i < nk; i++) within += (z[s + i] - means[k]) * (z[s + i] - means[k]);
        }
        double stat = between / (K - 1) / (within / (n - K));
        return TestResult.Create(median ? "Brown-Forsythe (Levene, center = median)" : "Levene (center = mean)",
            "Equal residual scale in every environment", stat, ReferenceDistribution.F(K - 1, n - K), Tail.Upper);
    }

    public static double Mean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x) s += v;
        return s / x.Length;
    }

}
