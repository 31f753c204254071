using Econometrics.LinearAlgebra;
namespace Econometrics.Mixtures;

/// <summary>
/// Quasi-Newton polishing of the full log-likelihood after EM (which converges linearly): BFGS with the analytic
/// score and an initial inverse Hessian from finite differences of the score. A spline's knots are left out of BFGS
/// and searched by Brent on ℓ itself between BFGS rounds (the kinks rule out gradient steps in γ); the smooth curves'
/// γ (rates, acceleration, relative rates) join BFGS with their analytic score.
/// </summary>
internal static class Polisher
{
    /// <summary>Maximises ℓ from <paramref name="ps"/> (updated in place); <paramref name="held"/> names a class whose γ stays fixed (a profile).</summary>
    public static double Polish(MixtureLikelihood lik, ParameterSet ps, KnotBounds bounds, CancellationToken ct, int rounds = 6, int held = -1)
    {
        double ll = lik.Evaluate(ps);
        double[]? hinv = null;
        if (lik.Shape.SmoothGamma && lik.Shape.FreeGamma)
        {
            int[] fixedIndices = held < 0 ? [] : ps.KnotIndices().Skip(held * lik.Shape.R).Take(lik.Shape.R).ToArray();
            // One restart from a fresh finite-difference inverse Hessian guards against a stale BFGS matrix.
            for (int round = 0; round < 2; round++)
            {
                double before = ll;
                hinv = null;
                ll = Math.Max(ll, Bfgs(lik, ps, ct, ref hinv, withGamma: true, fixedIndices: fixedIndices));
                if (ll - before < 1e-9) break;
            }
            return lik.Evaluate(ps);
        }
        double width = 0.05;
        for (int round = 0; round < rounds; round++)
        {
            ct.ThrowIfCancellationRequested();
            double before = ll;
            ll = Bfgs(lik, ps, ct, ref hinv);
            if (lik.Shape.HasKnot && lik.Shape.FreeKnots)
                for (int k = 0; k < lik.Shape.K; k++)
                {
                    if (k == held) continue;
                    var work = ps.Clone();
                    double F(double g) { work.Gamma[k][0] = g; return lik.Evaluate(work); }
                    double g0 = ps.Gamma[k][0];
                    double lo = Math.Max(g0 - width, bounds.Lower), hi = Math.Min(g0 + width, bounds.Upper);
                    if (!(hi > lo)) continue;
                    var (x, f) = Brent.Maximize(F, lo, hi, 0, absoluteTolerance: 1e-9);
                    if (f > ll) { ps.Gamma[k][0] = x; ll = f; }
                    // A knot that ends at the bracket edge is searched again in a wider bracket next round.
                    if (Math.Abs(x - g0) > 0.9 * width) width *= 4;
                }
            if (ll - before < 1e-9) break;
        }
        return ll;
    }

    /// <summary>Whether the score (γ included) is zero to 1e-3 at <paramref name="ps"/>: BFGS stopped at a maximum, not short of it.</summary>
    public static bool AtStationaryPoint(MixtureLikelihood lik, ParameterSet ps)
    {
        var grad = new double[ps.Pack(true).Length];
        if (!double.IsFinite(NegativeGradient(lik, ps.Clone(), true, grad))) return false;
        return grad.All(g => Math.Abs(g) < 1e-3);
    }

    /// <summary>
    /// BFGS on −ℓ over the packed parameters (γ included when <paramref name="withGamma"/>); returns the final ℓ. The
    /// packed entries <paramref name="fixedIndices"/> stay fixed: their gradient and their rows and columns of the inverse
    /// Hessian are zero, which BFGS updates keep zero.
    /// </summary>
    public static double Bfgs(MixtureLikelihood lik, ParameterSet ps, CancellationToken ct, ref double[]? hinv, int maxIter = 200, bool withGamma = false,
        int[]? fixedIndices = null)
    {
        var x = ps.Pack(withGamma);
        int n = x.Length;
        var work = ps.Clone();
        var g = new double[n];
        fixedIndices ??= [];
        double Eval(double[] v, double[] grad)
        {
            work.Unpack(v, withGamma);
            double value = NegativeGradient(lik, work, withGamma, grad);
            foreach (int j in fixedIndices) grad[j] = 0;
            return value;
        }
        double[] Mask(double[] h)
        {
            foreach (int j in fixedIndices) for (int i = 0; i < n; i++) { h[i * n + j] = 0; h[j * n + i] = 0; }
            return h;
        }
        double[] Restart(double[] grad) => Mask(ScaledIdentity(n, grad));
        double f = Eval(x, g);
        if (!double.IsFinite(f)) return double.NegativeInfinity;
        // The finite-difference start is computed once; later rounds (after a knot move) continue from the BFGS matrix.
        var Hinv = Mask(hinv ?? InitialInverseHessian(x, Eval, fixedIndices) ?? ScaledIdentity(n, g));
        var d = new double[n]; var xn = new double[n]; var gn = new double[n]; var s = new double[n]; var y = new double[n];
        var Hy = new double[n];
        for (int it = 0; it < maxIter; it++)
        {
            ct.ThrowIfCancellationRequested();
            for (int i = 0; i < n; i++) { double v = 0; for (int j = 0; j < n; j++) v -= Hinv[i * n + j] * g[j]; d[i] = v; }
            double slope = 0;
            for (int i = 0; i < n; i++) slope += g[i] * d[i];
            if (!(slope < 0))
            {
                Hinv = Restart(g);
                for (int i = 0; i < n; i++) d[i] = -Hinv[i * n + i] * g[i];
                slope = 0;
                for (int i = 0; i < n; i++) slope += g[i] * d[i];
            }
            double t = 1, fn = double.PositiveInfinity;
            for (int ls = 0; ls < 50; ls++)
            {
                for (int i = 0; i < n; i++) xn[i] = x[i] + t * d[i];
                fn = Eval(xn, gn);
                if (fn <= f + 1e-4 * t * slope) break;
                t *= 0.5;
            }
            if (!(fn <= f)) { Hinv = Restart(g); break; }
            double sy = 0;
            for (int i = 0; i < n; i++) { s[i] = xn[i] - x[i]; y[i] = gn[i] - g[i]; sy += s[i] * y[i]; }
            double df = f - fn;
            Array.Copy(xn, x, n); Array.Copy(gn, g, n); f = fn;
            if (sy > 1e-14)
            {
                double yHy = 0;
                for (int i = 0; i < n; i++) { double v = 0; for (int j = 0; j < n; j++) v += Hinv[i * n + j] * y[j]; Hy[i] = v; yHy += y[i] * v; }
                double c1 = (sy + yHy) / (sy * sy);
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                        Hinv[i * n + j] += c1 * s[i] * s[j] - (Hy[i] * s[j] + s[i] * Hy[j]) / sy;
            }
            double gmax = 0;
            for (int i = 0; i < n; i++) gmax = Math.Max(gmax, Math.Abs(g[i]) * Math.Max(Math.Abs(x[i]), 1));
            if (df < 1e-12 * Math.Abs(f) || gmax < 1e-8) break;
        }
        ps.Unpack(x, withGamma);
        hinv = Hinv;
        return -f;
    }

    /// <summary>−ℓ and its gradient over the packing (the smooth curves' γ included when <paramref name="withGamma"/>); +∞ where ℓ is not finite.</summary>
    internal static double NegativeGradient(MixtureLikelihood lik, ParameterSet work, bool withGamma, double[] grad)
    {
        double l = lik.Gradient(work, grad, withGamma);
        if (!double.IsFinite(l)) return double.PositiveInfinity;
        for (int j = 0; j < grad.Length; j++) grad[j] = -grad[j];
        return -l;
    }

    /// <summary>(−H)⁻¹ of −ℓ from central differences of the score, or null when −H is not positive definite.</summary>
    private static double[]? InitialInverseHessian(double[] x, Func<double[], double[], double> eval, int[] fixedIndices)
    {
        var h = FiniteDifferenceHessian(x, eval);
        if (h is null) return null;
        int n = x.Length;
        // A fixed entry's row and column become the identity's, so the rest is inverted as the free block.
        foreach (int j in fixedIndices) for (int i = 0; i < n; i++) { h[i * n + j] = i == j ? 1 : 0; h[j * n + i] = i == j ? 1 : 0; }
        var inv = new double[n * n];
        var l = (double[])h.Clone();
        if (!SmallDense.Cholesky(l, n)) return null;
        SmallDense.Inverse(l, n, inv);
        return inv;
    }

    /// <summary>Hessian of the objective by central differences of its gradient, symmetrised; null on failure.</summary>
    internal static double[]? FiniteDifferenceHessian(double[] x, Func<double[], double[], double> eval)
    {
        int n = x.Length;
        var H = new double[n * n];
        var xp = (double[])x.Clone();
        var gp = new double[n]; var gm = new double[n];
        for (int j = 0; j < n; j++)
        {
            double h = 1e-5 * Math.Max(Math.Abs(x[j]), 1);
            xp[j] = x[j] + h;
            double fp = eval(xp, gp);
            xp[j] = x[j] - h;
            double fm = eval(xp, gm);
            xp[j] = x[j];
            if (!double.IsFinite(fp) || !double.IsFinite(fm)) return null;
            for (int i = 0; i < n; i++) H[i * n + j] = (gp[i] - gm[i]) / (2 * h);
        }
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) { double v = 0.5 * (H[i * n + j] + H[j * n + i]); H[i * n + j] = v; H[j * n + i] = v; }
        return H;
    }

    private static double[] ScaledIdentity(int n, double[] g)
    {
        double gn = 0;
        foreach (var v in g) gn += v * v;
        double scale = 1e-3 / Math.Max(Math.Sqrt(gn), 1);
        var h = new double[n * n];
        for (int i = 0; i < n; i++) h[i * n + i] = scale;
        return h;
    }
}
