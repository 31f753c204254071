namespace Econometrics.Inference;

/// <summary>
/// Order statistics and information criteria used across the capabilities, written once so that every estimator
/// reports the same median, the same quantile and the same AIC/BIC for the same numbers.
/// </summary>
public static class SampleStatistics
{
    /// <summary>The sample median (the mean of the two middle values for an even count); NaN for no values.</summary>
    /// <remarks>Works on a copy: the caller's values keep their order.</remarks>
    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return double.NaN;
        var s = values.ToArray();
        Array.Sort(s);
        int m = s.Length / 2;
        return s.Length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    /// <summary>
    /// The type-7 sample quantile of Hyndman and Fan (1996), R's <c>quantile()</c> default: linear interpolation
    /// between order statistics at <c>h = (n - 1) p</c>. <paramref name="sorted"/> must be in ascending order.
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty) return double.NaN;
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile's probability must lie in [0, 1].");
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Akaike's information criterion, <c>-2 logL + 2k</c>.</summary>
    public static double Aic(double logLikelihood, int parameters) => -2 * logLikelihood + 2.0 * parameters;

    /// <summary>Schwarz's Bayesian information criterion, <c>-2 logL + k ln n</c>.</summary>
    public static double Bic(double logLikelihood, int parameters, double n) => -2 * logLikelihood + parameters * Math.Log(n);

    /// <summary>Sclove's (1987) sample-size-adjusted BIC, <c>-2 logL + k ln((n + 2) / 24)</c>.</summary>
    public static double AdjustedBic(double logLikelihood, int parameters, double n) =>
        -2 * logLikelihood + parameters * Math.Log((n + 2) / 24.0);
}
