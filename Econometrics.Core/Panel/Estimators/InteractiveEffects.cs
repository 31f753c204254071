using Econometrics.LinearAlgebra;
using Econometrics.Panel.Factors;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Estimators;

/// <summary>
/// Bai's (2009) interactive fixed effects by alternating least squares: y_it - a_i = x_it'b + lambda_i'f_t + e_it,
/// with additive individual effects removed by the within transformation first.
/// </summary>
/// <remarks>
/// Each iteration: F = the leading r left singular vectors of W = Y - sum_p b_p X_p (T x N), then
/// b = D^-1 c with D_pq = &lt;X_p, M_F X_q&gt; and c_p = &lt;X_p, M_F Y&gt;: GEMMs on T x N matrices, no loop over units.
/// The variance is Bai's homoskedastic sigma^2 D0^-1 / (NT) with Z_p = M_F X_p M_Lambda.
/// </remarks>
internal static class InteractiveEffects
{
    public static PanelRegressionResult Fit(PanelRegression options, RegressionData d, ILinearAlgebra la)
    {
        if (!d.Balanced) throw new ArgumentException("Interactive effects need a balanced panel (every regressor observed in every cell).", "panel");
        int t = d.T, n = d.N, k = d.K;
        var diagnostics = new List<Diagnostic>();
        var y = (double[])d.Y.Clone();
        var xs = d.X.Select(x => (double[])x.Clone()).ToArray();
        foreach (var v in xs.Append(y)) PanelMath.DemeanColumns(v, t, n);

        // Start from the within estimator; its residuals choose the number of factors when not given.
        var b = Solve(xs, y, null, t, n, la);
        int rank = Math.Min(n, t - 1);
        int r;
        FactorNumberResult? selection = null;
        if (options.Factors.FixedCount is { } fixedR)
        {
            if (fixedR >= rank) throw new ArgumentException($"Factors: the number of factors must be below min(N, T - 1) = {rank}; got {fixedR}.", nameof(options.Factors));
            r = fixedR;
        }
        else
        {
            var w0 = Residual(xs, y, b);
            selection = new FactorNumber { MaxFactors = options.Factors.MaxFactors, Criterion = options.Factors.Criterion }.EstimateDemeaned(w0, t, n, la);
            r = selection.Selected;
            diagnostics.Add(Diagnostic.Info($"{r} factor(s) chosen by {selection.Criterion} on the within residuals.", "factors-chosen"));
        }
        double[] u = [];
        int iter = 0; bool converged = r == 0;
        for (; iter < options.MaxIterations && r > 0; iter++)
        {
            var w = Residual(xs, y, b);
            u = LeftVectors(w, t, n, r, la);
            var next = Solve(xs, y, u, t, n, la);
            double change = 0;
            for (int p = 0; p < k; p++) change = Math.Max(change, Math.Abs(next[p] - b[p]) / Math.Max(1, Math.Abs(b[p])));
            b = next;
            if (change < options.Tolerance) { converged = true; iter++; break; }
        }
        if (!converged) diagnostics.Add(Diagnostic.Warning($"The alternating algorithm did not converge in {options.MaxIterations} iterations.", "not-converged"));
        else if (r > 0) diagnostics.Add(Diagnostic.Info($"Converged in {iter} iteration(s).", "iterations"));

        var wf = Residual(xs, y, b);
        if (r > 0) u = LeftVectors(wf, t, n, r, la);
        var e = Ols.ProjectOff(u, t, r, wf, n, la);
        // Lambda' = U'W (r x N); M_Lambda removes the loadings' span from the unit dimension.
        var lambda = new double[r * n];
        if (r > 0) la.Gemm(true, false, r, n, t, 1.0, u, wf, 0.0, lambda);
        var zs = xs.Select(x => RemoveLoadings(Ols.ProjectOff(u, t, r, x, n, la), lambda, t, n, r, la)).ToArray();
        var d0 = Matrix<double>.Build.Dense(k, k, (p, q) => Dot(zs[p], zs[q]) / ((double)n * t));
        var d0Inv = Matrix<double>.Build.Dense(k, k, Ols.InverseSpd(d0.ToColumnMajorArray(), k, la));
        double ss = Dot(e, e);
        int df = n * t - n - (n + t) * r - k;
        if (df <= 0) throw new ArgumentException("Interactive effects: no residual degrees of freedom.", "panel");
        var cov = d0Inv * (ss / df) / ((double)n * t);
        var partial = d.Partial(b);
        var result = PanelRegressionResult.Create(options, d, d.Formula.Regressors.ToArray(), b, cov, null, e, partial,
            withinResiduals: false, commonEffects: true, diagnostics, factors: r, factorSelection: selection);
        return result;
    }

    private static double Dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }

    private static double[] Residual(double[][] xs, double[] y, double[] b)
    {
        var w = (double[])y.Clone();
        for (int p = 0; p < xs.Length; p++) for (int c = 0; c < w.Length; c++) w[c] -= b[p] * xs[p][c];
        return w;
    }

    /// <summary>The leading r left singular vectors (T x r, orthonormal) of W.</summary>
    private static double[] LeftVectors(double[] w, int t, int n, int r, ILinearAlgebra la)
    {
        var g = new double[t * t];
        la.Syrk(false, t, n, 1.0, w, 0.0, g);
        var ev = new double[t];
        la.SymmetricEigen(t, g, ev);
        var u = new double[t * r];
        for (int f = 0; f < r; f++) Array.Copy(g, (t - 1 - f) * t, u, f * t, t);
        return u;
    }

    /// <summary>A M_Lambda: removes from each row of A its projection on the loadings (Lambda' is r x N).</summary>
    private static double[] RemoveLoadings(double[] a, double[] lambdaT, int t, int n, int r, ILinearAlgebra la)
    {
        if (r == 0) return a;
        var ll = new double[r * r];
        la.Syrk(false, r, n, 1.0, lambdaT, 0.0, ll);
        var al = new double[t * r];
        la.Gemm(false, true, t, r, n, 1.0, a, lambdaT, 0.0, al);
        // (A Lambda)(Lambda'Lambda)^-1 Lambda'
        var llInv = Ols.InverseSpd(ll, r, la);
        var tmp = new double[t * r];
        la.Gemm(false, false, t, r, r, 1.0, al, llInv, 0.0, tmp);
        var res = (double[])a.Clone();
        la.Gemm(false, false, t, n, r, -1.0, tmp, lambdaT, 1.0, res);
        return res;
    }

    /// <summary>b = argmin ||M_F Y - sum_p b_p M_F X_p|| by the seam's QR (u = null: no factors).</summary>
    private static double[] Solve(double[][] xs, double[] y, double[]? u, int t, int n, ILinearAlgebra la)
    {
        int k = xs.Length, r = u is null ? 0 : u.Length / t, m = t * n;
        var mx = new double[m * k];
        for (int p = 0; p < k; p++) Array.Copy(Ols.ProjectOff(u ?? [], t, r, xs[p], n, la), 0, mx, p * m, m);
        return Ols.Solve(mx, m, k, Ols.ProjectOff(u ?? [], t, r, y, n, la), la);
    }
}
