using Econometrics.LinearAlgebra;
using MathNet.Numerics.Distributions;

namespace Econometrics.Panel.Dependence;

/// <summary>
/// Bailey, Kapetanios and Pesaran's (2016) estimators of the exponent alpha for a balanced T x N variable, with the
/// choices Stata's xtcse2 makes (see <see cref="CrossSectionalExponent"/> for the formulas).
/// </summary>
internal static class BkpVariable
{
    public sealed record Estimates(double AlphaHat, double AlphaTilde, double AlphaCircle, double StdError, int Selected);

    public static Estimates Compute(double[] x, int t, int n, int components, double size, ILinearAlgebra la)
    {
        double lnN = Math.Log(n);
        var xbar = CrossSectionAverage(x, t, n);
        double xbarMean = xbar.Average();
        double sigma2 = xbar.Sum(v => (v - xbarMean) * (v - xbarMean)) / (t - 1);
        if (!(sigma2 > 0)) throw new ArgumentException("The cross-section average does not vary over time; the exponent is undefined.", "panel");
        double alphaHat = 1 + Math.Log(sigma2) / (2 * lnN);

        // c_N from the residuals of x on its leading principal components (x not demeaned, as xtcse2).
        var (_, v) = PanelMath.LeadingRightVectors(x, t, n, components, la);
        var e = PanelMath.RemoveRightSubspace(x, t, n, v, components, la);
        var ebar = CrossSectionAverage(e, t, n);
        double ebarMean = ebar.Average();
        double cN = ebar.Sum(u => n * (u - ebarMean) * (u - ebarMean)) / (t - 1);
        double alphaTilde = alphaHat - cN / (2 * lnN * n * sigma2);

        // mu^2: the variance of the average of the units whose loading on xbar_t is significant (Holm-type thresholds).
        double sxx = 0, xbarSq = 0;
        foreach (var u in xbar) { sxx += (u - xbarMean) * (u - xbarMean); xbarSq += u * u; }
        var tstat = new double[n];
        for (int i = 0; i < n; i++)
        {
            double xi = 0;
            for (int s = 0; s < t; s++) xi += x[s + i * t];
            xi /= t;
            double sxy = 0;
            for (int s = 0; s < t; s++) sxy += (xbar[s] - xbarMean) * (x[s + i * t] - xi);
            double b = sxy / sxx, a0 = xi - b * xbarMean, ssr = 0;
            for (int s = 0; s < t; s++) { double r = x[s + i * t] - a0 - b * xbar[s]; ssr += r * r; }
            // xtcse2 scales by the uncentered sum of squares of xbar_t.
            tstat[i] = b / Math.Sqrt(ssr / (t - 2) / xbarSq);
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => Math.Abs(tstat[i])).ToArray();
        var selected = new List<int>();
        for (int j = 0; j < n; j++)
        {
            double crit = Normal.InvCDF(0, 1, 1 - size / (n - j) / 2);
            if (Math.Abs(tstat[order[j]]) >= crit) selected.Add(order[j]);
        }
        double mu2 = 1;
        if (selected.Count > 0)
        {
            var avg = new double[t];
            foreach (int i in selected) for (int s = 0; s < t; s++) avg[s] += x[s + i * t] / selected.Count;
            double m = avg.Average();
            mu2 = avg.Sum(u => (u - m) * (u - m)) / t;
        }
        double alphaCircle = alphaTilde - 0.5 * Math.Log(mu2) / lnN;
        return new Estimates(alphaHat, alphaTilde, alphaCircle, StdError(x, t, n, xbar, alphaCircle), selected.Count);
    }

    /// <summary>BKP (2016) eq. B47 with xtcse2's long-run variance (AR(p) on the centred squared standardized average).</summary>
    private static double StdError(double[] x, int t, int n, double[] xbar, double alpha)
    {
        int p = (int)Math.Ceiling(Math.Pow(t, 1.0 / 3));
        double mean = xbar.Average();
        double sd = Math.Sqrt(xbar.Sum(v => (v - mean) * (v - mean)) / (t - 1));
        var z = xbar.Select(v => v / sd).ToArray();
        double zm = z.Average();
        var q = z.Select(v => (v - zm) * (v - zm)).ToArray();
        double qm = q.Average();
        for (int s = 0; s < t; s++) q[s] -= qm;
        double vf;
        int rows = t - p;
        if (rows > p)
        {
            var rhs = new double[rows * p];
            var dv = new double[rows];
            for (int r = 0; r < rows; r++)
            {
                dv[r] = q[p + r];
                for (int l = 1; l <= p; l++) rhs[r + (l - 1) * rows] = q[p + r - l];
            }
            var la = LinearAlgebraBackends.Managed;
            var b = Ols.Solve(rhs, rows, p, dv, la);
            var res = Ols.Residuals(rhs, rows, p, dv, b, la);
            double sse = res.Sum(u => u * u), sb = b.Sum();
            vf = sse / (t - p) / ((1 - sb) * (1 - sb));
        }
        else vf = q.Sum(u => u * u) / t;

        // Loadings on the standardized (uncentred) average; the N^alpha largest in absolute value.
        double zz = z.Sum(v => v * v);
        var c = new double[n];
        for (int i = 0; i < n; i++) { double s = 0; for (int r = 0; r < t; r++) s += z[r] * x[r + i * t]; c[i] = s / zz; }
        int g = (int)Math.Floor(Math.Pow(n, alpha) + 0.5);
        g = Math.Clamp(g, 2, n);
        var top = c.OrderByDescending(Math.Abs).Take(g).ToArray();
        double cm = top.Average();
        double spread = top.Sum(u => (u - cm) * (u - cm));
        return Math.Sqrt(vf / t + 4 * Math.Pow(n, -alpha) * spread / (g - 1)) / (2 * Math.Log(n));
    }

    private static double[] CrossSectionAverage(double[] x, int t, int n)
    {
        var a = new double[t];
        for (int i = 0; i < n; i++) for (int s = 0; s < t; s++) a[s] += x[s + i * t];
        for (int s = 0; s < t; s++) a[s] /= n;
        return a;
    }
}
