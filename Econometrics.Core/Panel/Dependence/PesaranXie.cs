using Econometrics.LinearAlgebra;
using Econometrics.Panel.Factors;

namespace Econometrics.Panel.Dependence;

/// <summary>
/// Pesaran and Xie's bias-corrected CD* (Pesaran and Xie, arXiv:2109.00408, the CD* statistic): principal components with m factors on
/// the demeaned (optionally standardized) data, CD of the defactored data, and the correction
/// CD* = (CD + sqrt(T/2) theta) / (1 - theta) with theta = 1 - N^-1 sum a_i^2, a_i = 1 - sigma_i gamma_i' phi.
/// </summary>
internal sealed class PesaranXie(FactorCount factors, bool standardize)
{
    /// <summary>CD* of a T x N matrix (NaN for gaps: not applicable); a balanced <paramref name="x"/> is overwritten.</summary>
    public static (CdStatistic, FactorNumberResult?) Test(CrossSectionalDependence options, double[] x, int t, int n, CdInput input, ILinearAlgebra la)
    {
        const string method = "Pesaran-Xie bias-corrected CD*";
        const string h0 = "No cross-sectional dependence (errors of a latent factor model)";
        bool gaps = false;
        foreach (var v in x) if (double.IsNaN(v)) { gaps = true; break; }
        if (gaps)
            return (new("CDStar", new TestResult(method, h0, double.NaN, ReferenceDistribution.Normal, null, TestValidity.NotApplicable,
                "CD* is defined for balanced panels (econ cd --drop-incomplete, or DropIncompletePeriods = true, uses the complete periods).")), null);
        var r = new PesaranXie(options.Factors, options.Standardize).Compute(x, t, n, la);
        var notes = new List<Diagnostic>();
        if (input.Partial is null && input.CommonEffectsRemoved)
            notes.Add(Diagnostic.Warning("CD* was given full residuals of a model with estimated common effects; it should see the partial residuals.",
                "cdstar-full-residuals"));
        if (r.Selection is not null)
            notes.Add(Diagnostic.Info($"{r.Factors} factor(s) chosen by {r.Selection.Criterion} (kmax {r.Selection.MaxFactors}); over-specifying " +
                $"the number inflates the size.", "cdstar-factors"));
        notes.Add(Diagnostic.Info($"theta = {r.Theta.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}, CD of the defactored data " +
            $"= {r.CdDefactored.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}, " +
                $"{(options.Standardize ? "standardized (xtcd2)" : "paper")} variant.", "cdstar-theta"));
        if (r.Degenerate is { } why)
        {
            notes.Add(Diagnostic.Warning(why, "cdstar-degenerate"));
            return (new("CDStar", TestResult.Invalid(method, h0, ReferenceDistribution.Normal, why, notes), r.Theta, r.Factors), r.Selection);
        }
        return (new("CDStar", TestResult.Create(method, h0, r.CdStar, ReferenceDistribution.Normal, Tail.TwoSided, notes), r.Theta, r.Factors), r.Selection);
    }


    /// <summary>The outcome; <c>Degenerate</c> names why the correction is undefined (then CdStar is NaN).</summary>
    public sealed record Outcome(double CdStar, double CdDefactored, double Theta, int Factors, FactorNumberResult? Selection, string? Degenerate);

    /// <summary>Computes CD* for a balanced T x N matrix, which it overwrites (the caller's own copy; no T x N array is allocated).</summary>
    public Outcome Compute(double[] x, int t, int n, ILinearAlgebra la)
    {
        int rank = Math.Min(n, t - 1);
        PanelMath.DemeanColumns(x, t, n);
        if (standardize) FactorNumber.ScaleColumns(x, t, n);

        int m; FactorNumberResult? selection = null;
        double[] eig, v;
        if (factors.FixedCount is { } k)
        {
            if (k >= rank)
                throw new ArgumentException($"Factors: the number of factors must be below min(N, T - 1) = {rank}; got {k}.", "Factors");
            m = k;
            (eig, v) = PanelMath.LeadingRightVectors(x, t, n, m, la);
        }
        else
        {
            var fn = new FactorNumber { MaxFactors = factors.MaxFactors, Criterion = factors.Criterion };
            int kmax = Math.Max(0, Math.Min(factors.MaxFactors, rank - 2));
            (eig, v) = PanelMath.LeadingRightVectors(x, t, n, kmax, la);
            selection = fn.FromEigenvalues(eig.Select(e => e / ((double)n * t)).ToArray(), t, n);
            m = selection.Selected;
            v = v[..(n * m)];
        }
        if (m > 0 && !(eig[m - 1] > 1e-14 * eig[0]))
            throw new ArgumentException($"Factors: the requested {m} factor(s) exceed the numerical rank of the data.", "Factors");

        var e = x;   // the residuals overwrite the demeaned data
        PanelMath.SubtractRightSubspace(e, t, n, v, m, la);
        var sigma = new double[n];
        for (int i = 0; i < n; i++)
        {
            double ss = 0;
            for (int s = 0; s < t; s++) ss += e[s + i * t] * e[s + i * t];
            sigma[i] = Math.Sqrt(ss / t);
        }
        double cd = PanelMath.BalancedCd(e, t, n);   // e is not read after this
        if (sigma.Any(s => !(s > 0)))
            return new(double.NaN, cd, double.NaN, m, selection, "A unit is fitted exactly by the factors (zero residual variance); CD* is undefined.");
        // Gamma = sqrt(N) V, so Gamma'Gamma/N = I; phi = N^-1 sum_i gamma_i / sigma_i.
        double sqrtN = Math.Sqrt(n);
        var phi = new double[m];
        for (int f = 0; f < m; f++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += sqrtN * v[i + f * n] / sigma[i];
            phi[f] = sum / n;
        }
        double sumA2 = 0;
        for (int i = 0; i < n; i++)
        {
            double g = 0;
            for (int f = 0; f < m; f++) g += sqrtN * v[i + f * n] * phi[f];
            double ai = 1 - sigma[i] * g;
            sumA2 += ai * ai;
        }
        double theta = 1 - sumA2 / n;
        if (!(1 - theta > Math.Sqrt(2.220446049250313e-16)))
            return new(double.NaN, cd, theta, m, selection,
                $"1 - theta = {(1 - theta).ToString("G3", System.Globalization.CultureInfo.InvariantCulture)} is not positive: the loadings are " +
                    $"proportional to the error scales (e.g. pure time effects), so the correction is undefined. Use CD_W.");
        return new((cd + Math.Sqrt(t / 2.0) * theta) / (1 - theta), cd, theta, m, selection, null);
    }
}
