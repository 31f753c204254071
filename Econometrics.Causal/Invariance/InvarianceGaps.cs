namespace Econometrics.Causal.Invariance;

/// <summary>How far the optimal predictor on top of a representation moves across environments.</summary>
/// <param name="SlopeGap">Largest pairwise L2 distance between the slope vectors w_e.</param>
/// <param name="InterceptGap">Largest pairwise intercept difference |b_e - b_f|.</param>
/// <param name="VarianceRatio">max_e sigma2_e / min_e sigma2_e.</param>
/// <param name="IrmPenalty">Sum over environments of the IRMv1 penalty (2 E_e[f (f - y)])^2 at the pooled predictor f.</param>
/// <param name="MaxExcessRisk">Largest excess risk of the pooled predictor over the environment's own optimum.</param>
/// <param name="FullGap">Largest pairwise L2 distance between (b_e, w_e).</param>
public sealed record InvarianceGaps(double SlopeGap, double InterceptGap, double VarianceRatio, double IrmPenalty, double MaxExcessRisk,
    double FullGap)
{
    /// <summary>The gaps by name, in a fixed order (for tables and JSON).</summary>
    public IReadOnlyList<KeyValuePair<string, double>> Named() =>
    [
        new("slopeGap", SlopeGap), new("interceptGap", InterceptGap), new("varianceRatio", VarianceRatio),
        new("irmPenalty", IrmPenalty), new("maxExcessRisk", MaxExcessRisk), new("fullGap", FullGap),
    ];

    /// <summary>Gaps from per-environment (b, w, sigma2); IRM and excess risk are supplied by the caller.</summary>
    internal static InvarianceGaps From(IReadOnlyList<double[]> coefficients, IReadOnlyList<double> sigma2, double irm, double excess)
    {
        double slope = 0, icpt = 0, full = 0;
        for (int e = 0; e < coefficients.Count; e++)
            for (int f = e + 1; f < coefficients.Count; f++)
            {
                double s = 0, a = 0;
                for (int j = 0; j < coefficients[e].Length; j++)
                {
                    double d = coefficients[e][j] - coefficients[f][j];
                    a += d * d;
                    if (j > 0) s += d * d;
                }
                slope = Math.Max(slope, Math.Sqrt(s));
                full = Math.Max(full, Math.Sqrt(a));
                icpt = Math.Max(icpt, Math.Abs(coefficients[e][0] - coefficients[f][0]));
            }
        // An environment whose residual variance is 0 (a target constant there, or fitted exactly) leaves the ratio
        // undefined rather than infinite: it is reported as missing, with a diagnostic from the caller.
        double minVariance = sigma2.Min();
        return new InvarianceGaps(slope, icpt, minVariance > 0 ? sigma2.Max() / minVariance : double.NaN, irm, excess, full);
    }
}
