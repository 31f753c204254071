using Econometrics.LinearAlgebra;

namespace Econometrics.Panel.Dependence;

/// <summary>Juodis and Reese (2022): the randomized CD_W (eqs. 29/30, draws combined by eq. 33) and the power-enhancement term (eq. 32).</summary>
internal static class JuodisReese
{
    public static (CdStatistic Cdw, CdStatistic CdwPlus, double[,]? Weights) Test(CrossSectionalDependence options, double[] e, int t, int n, int n0,
        bool balanced,
        Func<double> powerEnhancement, List<int> keep, ILinearAlgebra la)
    {
        const string h0 = "No cross-sectional dependence";
        if (!balanced)
        {
            const string why = "CD_W and CD_W+ are defined for balanced panels (econ cd --drop-incomplete, or DropIncompletePeriods = true, uses " +
                "the complete periods).";
            return (new("CDw", new TestResult("Juodis-Reese CD_W", h0, double.NaN, ReferenceDistribution.Normal, null, TestValidity.NotApplicable, why)),
                    new("CDwPlus", new TestResult("Juodis-Reese CD_W+", h0, double.NaN, ReferenceDistribution.Normal, null, TestValidity.NotApplicable, why)),
                        null);
        }
        var w = RademacherWeights(options, n, n0, keep);
        double cdw = Cdw(e, t, n, w, options.CdwNormalization, la);
        double pe = powerEnhancement();
        var weights = new double[n, w.Length / n];
        for (int g = 0; g < weights.GetLength(1); g++) for (int i = 0; i < n; i++) weights[i, g] = w[i + g * n];
        int draws = weights.GetLength(1);
        var note = new[] { Diagnostic.Info($"{draws} Rademacher draw(s), " +
            $"{(options.Weights is null ? $"seed {options.Seed}" : "user-given weights")}; {options.CdwNormalization} normalization.", "cdw-draws") };
        return (new("CDw", TestResult.Create("Juodis-Reese CD_W", h0, cdw, ReferenceDistribution.Normal, Tail.TwoSided, note)),
                new("CDwPlus", TestResult.Create("Juodis-Reese CD_W+ (power enhanced)", h0, cdw + pe, ReferenceDistribution.Normal, Tail.TwoSided,
                    [Diagnostic.Info($"Power-enhancement term {pe.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)} (|rho_ij| " +
                        $"above 2 sqrt(ln N / T)).", "cdw-pe")])),
                weights);
    }


    private static double[] RademacherWeights(CrossSectionalDependence options, int n, int n0, List<int> keep)
    {
        if (options.Weights is not null)
        {
            // One row per input unit (before excluding constant units), one column per draw.
            if (options.Weights.RowCount != n0)
                throw new ArgumentException($"options.Weights must have one row per unit ({n0}); got {options.Weights.RowCount}.", "Weights");
            if (options.Weights.Enumerate().Any(v => v != 1 && v != -1)) throw new ArgumentException("options.Weights must be +1 or -1.", "Weights");
            int g = options.Weights.ColumnCount;
            var w = new double[n * g];
            for (int d = 0; d < g; d++) for (int i = 0; i < n; i++) w[i + d * n] = options.Weights[keep[i], d];
            return w;
        }
        // One generator for all draws, consumed in a fixed order: the weights depend on the seed only.
        var rng = new Random(options.Seed);
        var draws = new double[n * options.Draws];
        for (int k = 0; k < draws.Length; k++) draws[k] = rng.Next(2) == 0 ? -1.0 : 1.0;
        return draws;
    }


    /// <summary>
    /// CD_W over G draws (w is N x G): sum_g CD_W^(g) / sqrt(G). Each draw's double sum over pairs is
    /// (||U w||^2 - sum u^2)/2, so all draws are one GEMM of the T x N data with the N x G weights.
    /// </summary>
    public static double Cdw(double[] e, int t, int n, double[] w, CdwNormalization normalization, ILinearAlgebra la)
    {
        int g = w.Length / n;
        double[] u; double diag, scale;
        if (normalization == CdwNormalization.PooledVariance)
        {
            u = (double[])e.Clone();
            PanelMath.DemeanColumns(u, t, n);
            diag = 0;
            foreach (var v in u) diag += v * v;
            double s2 = diag / ((double)n * t);
            scale = Math.Sqrt(2.0 / (t * (double)n * (n - 1))) / s2;
        }
        else
        {
            // Standardized columns: the pair sums are sum w_i w_j rho_ij, scaled by sqrt(2T/(N(N-1))).
            u = PanelMath.StandardizedColumns(e, t, n, out _);
            diag = n;
            scale = Math.Sqrt(2.0 * t / (n * (n - 1.0)));
        }
        var uw = new double[t * g];
        la.Gemm(false, false, t, g, n, 1.0, u, w, 0.0, uw);
        double total = 0;
        for (int d = 0; d < g; d++)
        {
            double ss = 0;
            for (int s = 0; s < t; s++) ss += uw[s + d * t] * uw[s + d * t];
            total += scale * (ss - diag) / 2;
        }
        return total / Math.Sqrt(g);
    }

    /// <summary>Eq. (32)'s threshold 2 sqrt(ln N / T) on |rho_ij| (raw correlations, not times sqrt(T)).</summary>
    public static double Threshold(int n, int t) => 2 * Math.Sqrt(Math.Log(n) / t);

    /// <summary>
    /// Eq. (32): sum over pairs of |rho_ij| where |rho_ij| &gt; 2 sqrt(ln N / T). When the threshold is at least 1 no
    /// correlation can pass it and the term is exactly 0 without forming a pair.
    /// </summary>
    public static double PowerEnhancement(PairwiseCorrelations pc)
    {
        double threshold = Threshold(pc.N, pc.T);
        return ScreensNothing(threshold) ? 0 : pc.Reduce(new AbsoluteCorrelationSums(threshold)).Above;
    }

    /// <summary>Whether the threshold exceeds every possible |rho| (1, plus rounding of a unit-norm dot product).</summary>
    public static bool ScreensNothing(double threshold) => threshold > 1 + 1e-12;
}
