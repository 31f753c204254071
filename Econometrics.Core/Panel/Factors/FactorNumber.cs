using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Factors;

/// <summary>
/// Estimates the number of latent factors of a T x N panel by the Bai-Ng (2002) PC/IC criteria and the
/// Ahn-Horenstein (2013) eigenvalue-ratio (ER) and growth-ratio (GR) estimators, from one eigen-decomposition.
/// </summary>
/// <remarks>
/// Eigenvalues mu_j are those of X X' / (NT) for the column-demeaned data (optionally standardized), taken from
/// the smaller Gram matrix. V(k) = sum_{j&gt;k} mu_j; the Bai-Ng penalties use C = min(N, T) and sigma^2 = V(kmax).
/// ER and GR may choose k = 0 through the mock eigenvalue mu_0 = V(0)/ln C (as Stata's xtnumfac); for GR the
/// mock ratio is mu_0/V(0), which keeps the criterion invariant to the data's scale.
/// kmax is capped at rank - 2, rank = min(N, T - 1) after demeaning, so every ratio is defined.
/// </remarks>
public sealed record FactorNumber
{
    /// <summary>The largest number of factors considered (default 8).</summary>
    public int MaxFactors { get; init; } = 8;

    /// <summary>The criterion whose choice is reported as <see cref="FactorNumberResult.Selected"/> (default ER).</summary>
    public FactorCriterion Criterion { get; init; } = FactorCriterion.ER;

    /// <summary>Whether to scale each unit to unit variance after demeaning (default false).</summary>
    public bool Standardize { get; init; }

    /// <summary>The linear-algebra backend (null: <see cref="LinearAlgebraBackends.Default"/>, chosen once per process).</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>Estimates the number of factors of a balanced T x N matrix (rows periods, columns units).</summary>
    /// <param name="data">The panel; no NaN.</param>
    /// <exception cref="ArgumentException">The matrix has gaps, or fewer than 3 rows or columns.</exception>
    public FactorNumberResult Estimate(Matrix<double> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int t = data.RowCount, n = data.ColumnCount;
        if (t < 3 || n < 3) throw new ArgumentException($"Need at least 3 periods and 3 units; got T = {t}, N = {n}.", nameof(data));
        var a = data.ToColumnMajorArray();
        if (a.Any(v => !double.IsFinite(v))) throw new ArgumentException("The matrix must be balanced (no NaN) for factor-number estimation.", nameof(data));
        if (MaxFactors < 1) throw new ArgumentException("MaxFactors must be at least 1.", nameof(MaxFactors));
        PanelMath.DemeanColumns(a, t, n);
        if (Standardize) ScaleColumns(a, t, n);
        return EstimateDemeaned(a, t, n, Backend ?? LinearAlgebraBackends.Default);
    }

    internal static void ScaleColumns(double[] a, int t, int n)
    {
        for (int i = 0; i < n; i++)
        {
            double ss = 0;
            for (int s = 0; s < t; s++) ss += a[s + i * t] * a[s + i * t];
            double sd = Math.Sqrt(ss / t);
            if (sd > 0) for (int s = 0; s < t; s++) a[s + i * t] /= sd;
        }
    }

    internal FactorNumberResult EstimateDemeaned(double[] a, int t, int n, ILinearAlgebra la)
    {
        var (eig, _) = PanelMath.LeadingRightVectors(a, t, n, 0, la);
        return FromEigenvalues(eig.Select(v => v / ((double)n * t)).ToArray(), t, n);
    }

    internal FactorNumberResult FromEigenvalues(double[] mu, int t, int n)
    {
        int rank = Math.Min(n, t - 1);
        int kmax = Math.Min(MaxFactors, rank - 2);
        if (kmax < 1) throw new ArgumentException($"The panel (T = {t}, N = {n}) is too small to choose a number of factors.", nameof(MaxFactors));
        double c = Math.Min(n, t), nt = (double)n * t, npt = n + t;
        var v = new double[kmax + 2];
        double total = 0;
        for (int j = 0; j < mu.Length; j++) total += mu[j];
        v[0] = total;
        for (int k = 1; k < v.Length; k++) v[k] = Math.Max(v[k - 1] - mu[k - 1], 0);
        double sigma2 = v[kmax];
        double p1 = npt / nt * Math.Log(nt / npt), p2 = npt / nt * Math.Log(c), p3 = Math.Log(c) / c;
        double mu0 = v[0] / Math.Log(c);
        var rows = new List<FactorNumberRow>();
        for (int k = 0; k <= kmax; k++)
        {
            double muK = k == 0 ? mu0 : mu[k - 1];
            double tildeK = k == 0 ? 1 / Math.Log(c) : mu[k - 1] / v[k];
            double tildeNext = mu[k] / v[k + 1];
            rows.Add(new FactorNumberRow(k, k == 0 ? double.NaN : mu[k - 1], v[k],
                v[k] + k * sigma2 * p1, v[k] + k * sigma2 * p2, v[k] + k * sigma2 * p3,
                Math.Log(v[k]) + k * p1, Math.Log(v[k]) + k * p2, Math.Log(v[k]) + k * p3,
                muK / mu[k], Math.Log(1 + tildeK) / Math.Log(1 + tildeNext)));
        }
        var selected = new Dictionary<FactorCriterion, int>();
        foreach (var crit in Enum.GetValues<FactorCriterion>())
        {
            Func<FactorNumberRow, double> f = crit switch
            {
                FactorCriterion.ER => r => -r.ER,
                FactorCriterion.GR => r => -r.GR,
                FactorCriterion.PC1 => r => r.PC1,
                FactorCriterion.PC2 => r => r.PC2,
                FactorCriterion.PC3 => r => r.PC3,
                FactorCriterion.IC1 => r => r.IC1,
                FactorCriterion.IC2 => r => r.IC2,
                _ => r => r.IC3,
            };
            selected[crit] = rows.OrderBy(f).ThenBy(r => r.K).First().K;
        }
        var diagnostics = new List<Diagnostic>();
        if (kmax < MaxFactors) diagnostics.Add(Diagnostic.Info($"kmax was reduced from {MaxFactors} to {kmax} (rank {rank} of the demeaned panel).", "kmax-reduced"));
        return new FactorNumberResult(n, t, kmax, Criterion, selected[Criterion], selected, mu.Take(Math.Min(mu.Length, Math.Max(20, kmax + 2))).ToArray(), rows, diagnostics);
    }
}
