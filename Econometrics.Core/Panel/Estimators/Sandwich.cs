using Econometrics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>
/// Robust covariances B M B of a linear panel fit, with B = (X'X)^-1 on the transformed design and the meat M from
/// scaled residuals, as plm's vcovG: White (sum of x x' u^2), clusters (sum over groups of (X_g'u_g)(X_g'u_g)'),
/// Cameron-Gelbach-Miller two-way (unit + period - White) and Driscoll-Kraay (period sums with Bartlett-weighted
/// lagged cross-products). Every meat is one SYRK or GEMM over group sums; nothing is formed per pair of rows.
/// </summary>
internal static class Sandwich
{
    /// <param name="X">Transformed design, m x p column-major.</param>
    /// <param name="M">Rows.</param>
    /// <param name="P">Columns.</param>
    /// <param name="U">Residuals of the transformed regression.</param>
    /// <param name="Unit">Each row's unit index (0-based, dense).</param>
    /// <param name="Time">Each row's period position (0-based, dense, in time order).</param>
    /// <param name="Units">Number of units (plm's n).</param>
    /// <param name="Periods">Number of periods (plm's T).</param>
    /// <param name="Hc1Df">Denominator of HC1's n/(n - k) (plm: panel observations minus k, also for first differences).</param>
    /// <param name="MaxTi">Longest unit series (Driscoll-Kraay's default window).</param>
    public sealed record Design(double[] X, int M, int P, double[] U, int[] Unit, int[] Time, int Units, int Periods, int Hc1Df, int MaxTi);

    public static double[] Covariance(Design d, double[] bread, PanelCovariance cov, ILinearAlgebra la)
    {
        var meat = cov.Kind switch
        {
            CovarianceKind.Heteroskedastic => White(d, bread, cov.Adjustment, la),
            CovarianceKind.ClusterUnit => Clustered(d, bread, cov.Adjustment, d.Unit, d.Units, 0, la),
            CovarianceKind.ClusterTime => Clustered(d, bread, cov.Adjustment, d.Time, d.Periods, 0, la),
            CovarianceKind.ClusterTwoWay => TwoWay(d, bread, cov.Adjustment, la),
            CovarianceKind.DriscollKraay => DriscollKraay(d, bread, cov, la),
            _ => throw new ArgumentException($"Covariance {cov.Kind} is not a sandwich.", nameof(cov)),
        };
        return Sandwiched(bread, meat, d.P, la);
    }

    /// <summary>Driscoll-Kraay's lag window: the given one, or floor(max T_i^(1/4)); it must leave lagged periods.</summary>
    public static int Window(Design d, PanelCovariance cov)
    {
        int lags = cov.Lags ?? (int)Math.Floor(Math.Pow(d.MaxTi, 0.25));
        if (lags < 0) throw new ArgumentException($"lags must be 0 or more; got {lags}.", "lags");
        if (lags >= d.Periods)
            throw new ArgumentException($"lags = {lags} reaches beyond the panel's {d.Periods} period(s); use at most {d.Periods - 1}.", "lags");
        return lags;
    }

    private static double[] White(Design d, double[] bread, ResidualAdjustment adj, ILinearAlgebra la)
    {
        var w = Scaled(d, bread, adj, d.M, la);
        var xw = new double[d.M * d.P];
        for (int j = 0; j < d.P; j++)
            for (int r = 0; r < d.M; r++) xw[r + j * d.M] = d.X[r + j * d.M] * w[r];
        var meat = new double[d.P * d.P];
        la.Syrk(true, d.P, d.M, 1.0, xw, 0.0, meat);
        return meat;
    }

    private static double[] Clustered(Design d, double[] bread, ResidualAdjustment adj, int[] group, int groups, int lag, ILinearAlgebra la)
    {
        if (groups < 2) throw new ArgumentException($"Clustered standard errors need at least 2 clusters; the data have {groups}.", "vcov");
        var s = GroupScores(d, Scaled(d, bread, adj, groups, la), group, groups);
        var meat = new double[d.P * d.P];
        if (lag == 0) la.Syrk(true, d.P, groups, 1.0, s, 0.0, meat);
        else
        {
            // sum_t s_t s_{t-l}': rows lag..G-1 of S against rows 0..G-l-1.
            int rows = groups - lag;
            var a = new double[rows * d.P];
            var b = new double[rows * d.P];
            for (int j = 0; j < d.P; j++)
            {
                Array.Copy(s, j * groups + lag, a, j * rows, rows);
                Array.Copy(s, j * groups, b, j * rows, rows);
            }
            la.Gemm(true, false, d.P, d.P, rows, 1.0, a, b, 0.0, meat);
        }
        return meat;
    }

    private static double[] TwoWay(Design d, double[] bread, ResidualAdjustment adj, ILinearAlgebra la)
    {
        var unit = Clustered(d, bread, adj, d.Unit, d.Units, 0, la);
        var time = Clustered(d, bread, adj, d.Time, d.Periods, 0, la);
        var white = White(d, bread, adj, la);
        for (int k = 0; k < unit.Length; k++) unit[k] += time[k] - white[k];
        return unit;
    }

    private static double[] DriscollKraay(Design d, double[] bread, PanelCovariance cov, ILinearAlgebra la)
    {
        int lags = Window(d, cov);
        var meat = Clustered(d, bread, cov.Adjustment, d.Time, d.Periods, 0, la);
        for (int l = 1; l <= lags; l++)
        {
            var ml = Clustered(d, bread, cov.Adjustment, d.Time, d.Periods, l, la);
            double w = 1 - l / (lags + 1.0);
            for (int i = 0; i < d.P; i++)
                for (int j = 0; j < d.P; j++) meat[i + j * d.P] += w * (ml[i + j * d.P] + ml[j + i * d.P]);
        }
        return meat;
    }

    /// <summary>Per-group sums of x_r w_r (groups x p).</summary>
    private static double[] GroupScores(Design d, double[] w, int[] group, int groups)
    {
        var s = new double[groups * d.P];
        var xw = new double[d.M];
        for (int j = 0; j < d.P; j++)
        {
            int o = j * d.M;
            for (int r = 0; r < d.M; r++) xw[r] = d.X[o + r] * w[r];
            LinearPanel.GroupSums(xw, group, groups).CopyTo(s, j * groups);
        }
        return s;
    }

    /// <summary>The residuals scaled as plm's omega(): HC0/HC1/HC2/HC3/sss, with G the number of clusters.</summary>
    private static double[] Scaled(Design d, double[] bread, ResidualAdjustment adj, int g, ILinearAlgebra la)
    {
        var w = (double[])d.U.Clone();
        switch (adj)
        {
            case ResidualAdjustment.HC1:
            { double f = Math.Sqrt((double)d.M / d.Hc1Df); for (int r = 0; r < w.Length; r++) w[r] *= f; break; }
            case ResidualAdjustment.Sss:
            { double f = Math.Sqrt(g / (g - 1.0) * ((d.M - 1.0) / (d.M - d.P))); for (int r = 0; r < w.Length; r++) w[r] *= f; break; }
            case ResidualAdjustment.HC2:
            case ResidualAdjustment.HC3:
            {
                var h = Leverage(d, bread, la);
                for (int r = 0; r < w.Length; r++)
                {
                    if (!(h[r] < 1 - 1e-12))
                        throw new ArgumentException($"{adj} is undefined: observation {r + 1} has leverage 1 (a unit or period fitted exactly).", "vcov");
                    w[r] = adj == ResidualAdjustment.HC2 ? w[r] / Math.Sqrt(1 - h[r]) : w[r] / (1 - h[r]);
                }
                break;
            }
        }
        return w;
    }

    /// <summary>h_r = x_r' B x_r for every row: one GEMM (X B) and a row-wise dot product.</summary>
    private static double[] Leverage(Design d, double[] bread, ILinearAlgebra la)
    {
        var xb = new double[d.M * d.P];
        la.Gemm(false, false, d.M, d.P, d.P, 1.0, d.X, bread, 0.0, xb);
        var h = new double[d.M];
        for (int j = 0; j < d.P; j++)
            for (int r = 0; r < d.M; r++) h[r] += xb[r + j * d.M] * d.X[r + j * d.M];
        return h;
    }

    public static double[] Sandwiched(double[] bread, double[] meat, int p, ILinearAlgebra la)
    {
        var bm = new double[p * p];
        la.Gemm(false, false, p, p, p, 1.0, bread, meat, 0.0, bm);
        var v = new double[p * p];
        la.Gemm(false, false, p, p, p, 1.0, bm, bread, 0.0, v);
        // Symmetrize away rounding so standard errors and Wald tests see one matrix.
        for (int j = 0; j < p; j++)
            for (int i = j + 1; i < p; i++) { double a = 0.5 * (v[i + j * p] + v[j + i * p]); v[i + j * p] = a; v[j + i * p] = a; }
        return v;
    }
}
