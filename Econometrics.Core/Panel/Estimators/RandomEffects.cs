using Econometrics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>The variance components of a random-effects fit (Swamy and Arora 1972, plm's default "swar").</summary>
/// <param name="SigmaIdiosyncratic">sigma^2_nu, the idiosyncratic variance (from the within residuals).</param>
/// <param name="SigmaIndividual">sigma^2_eta, the individual-effect variance (from the between residuals), clamped at 0.</param>
/// <param name="ThetaMin">The smallest quasi-demeaning weight theta_i = 1 - sqrt(sigma^2_nu / (sigma^2_nu + T_i sigma^2_eta)).</param>
/// <param name="ThetaMax">The largest theta_i (equal to ThetaMin when balanced).</param>
public sealed record RandomEffectsComponents(double SigmaIdiosyncratic, double SigmaIndividual, double ThetaMin, double ThetaMax);

/// <summary>
/// Swamy-Arora random effects as plm computes them: sigma^2_nu = SSR_within / (n - N - K_w); the between regression on
/// unit means weighted by T_i gives q = sum_i T_i e_i^2 = (N - K - 1) sigma^2_nu + (n - tr((Z'W Z)^-1 Z'W^2 Z)) sigma^2_eta
/// (W = diag(T_i) over units; the trace is T(K + 1) when balanced); then OLS on y_it - theta_i ybar_i and likewise x.
/// </summary>
internal static class RandomEffects
{
    public static LinearPanel.Transformed Transform(double[] y, double[] x, LinearPanel.Rows rows, int k, List<string> names,
        List<Diagnostic> diagnostics, ILinearAlgebra la)
    {
        int m = y.Length, n = rows.Units;
        // Within regression: sigma^2_nu.
        var yw = (double[])y.Clone();
        var xw = (double[])x.Clone();
        LinearPanel.DemeanUnits(yw, 0, rows);
        for (int p = 0; p < k; p++) LinearPanel.DemeanUnits(xw, p * m, rows);
        var raw = new double[k];
        for (int p = 0; p < k; p++) raw[p] = LinearPanel.CenteredNorm(x.AsSpan(p * m, m));
        var keepW = Aliasing.Keep(xw, m, k, raw, names, "", [], la);
        double ssrW = Ssr(Select(xw, m, keepW), m, keepW.Length, yw, la);
        double dfW = m - n - keepW.Length;
        if (dfW <= 0) throw new ArgumentException("Random effects: the within regression behind sigma^2_nu has no residual degrees of freedom.", "panel");
        double sigmaNu = ssrW / dfW;

        // Between regression on unit means, each unit weighted by T_i (plm's "Between" model).
        var ti = rows.UnitSize;
        var ybar = Means(y, 0, rows, m);
        var zb = new double[n * (k + 1)];
        var yb = new double[n];
        for (int i = 0; i < n; i++) { double w = Math.Sqrt(ti[i]); zb[i] = w; yb[i] = w * ybar[i]; }
        var xbar = new double[k][];
        for (int p = 0; p < k; p++)
        {
            xbar[p] = Means(x, p * m, rows, m);
            for (int i = 0; i < n; i++) zb[i + (p + 1) * n] = Math.Sqrt(ti[i]) * xbar[p][i];
        }
        var bNames = names.Prepend("(Intercept)").ToList();
        var keepB = Aliasing.Keep(zb, n, k + 1, null, bNames, "", [], la);
        if (keepB.Length >= n)
            throw new ArgumentException($"Random effects (Swamy-Arora) need more units than between coefficients: {n} unit(s) for {keepB.Length} coefficient(s).", "panel");
        var zk = Select(zb, n, keepB);
        double quad = Ssr(zk, n, keepB.Length, yb, la);
        // tr((Z'WZ)^-1 Z'W^2 Z) with Z'WZ = zk'zk and Z'W^2 Z from the rows scaled once more by sqrt(T_i).
        int q = keepB.Length;
        var a = Ols.CrossProductInverse(zk, n, q, la);
        var zk2 = (double[])zk.Clone();
        for (int j = 0; j < q; j++) for (int i = 0; i < n; i++) zk2[i + j * n] *= Math.Sqrt(ti[i]);
        var c = new double[q * q];
        la.Syrk(true, q, n, 1.0, zk2, 0.0, c);
        double trace = 0;
        for (int i = 0; i < q; i++) for (int j = 0; j < q; j++) trace += a[i + j * q] * c[j + i * q];
        double sigmaEta = (quad - (n - q) * sigmaNu) / (m - trace);
        if (sigmaEta < 0)
        {
            diagnostics.Add(Diagnostic.Warning("The estimated individual-effect variance is negative and was set to 0 (random effects reduce to pooled OLS).", "re-variance-zero"));
            sigmaEta = 0;
        }
        var theta = ti.Select(T => 1 - Math.Sqrt(sigmaNu / (sigmaNu + T * sigmaEta))).ToArray();

        var xs = new double[m * (k + 1)];
        var ys = new double[m];
        for (int r = 0; r < m; r++)
        {
            int i = rows.Unit[r];
            xs[r] = 1 - theta[i];
            ys[r] = y[r] - theta[i] * ybar[i];
            for (int p = 0; p < k; p++) xs[r + (p + 1) * m] = x[r + p * m] - theta[i] * xbar[p][i];
        }
        var comp = new RandomEffectsComponents(sigmaNu, sigmaEta, theta.Min(), theta.Max());
        return new LinearPanel.Transformed(xs, m, k + 1, ys, bNames, rows.Unit, rows.Time, rows.Cells, null, "", true,
            (p, _) => m - p, m, comp);
    }

    private static double[] Means(double[] v, int offset, LinearPanel.Rows rows, int m)
    {
        var s = new double[rows.Units];
        for (int r = 0; r < m; r++) s[rows.Unit[r]] += v[offset + r];
        for (int i = 0; i < rows.Units; i++) s[i] /= rows.UnitSize[i];
        return s;
    }

    private static double[] Select(double[] x, int m, int[] cols)
    {
        var r = new double[m * cols.Length];
        for (int q = 0; q < cols.Length; q++) Array.Copy(x, cols[q] * m, r, q * m, m);
        return r;
    }

    private static double Ssr(double[] x, int m, int p, double[] y, ILinearAlgebra la)
    {
        var e = Ols.Residuals(x, m, p, y, Ols.Solve(x, m, p, y, la), la);
        return e.Sum(v => v * v);
    }
}
