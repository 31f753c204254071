using Econometrics.LinearAlgebra;
namespace Econometrics.Mixtures;

/// <summary>
/// The covariance of the estimates from the observed information (−∂²ℓ)⁻¹ in the reporting parameterisation, as
/// OpenMx reports it. Smooth blocks use central differences of the analytic score. The knot rows need care: ℓ has
/// kinks in γ at every observed time, so the knot is differenced with a step (<see cref="KnotStep"/>) wider than
/// the local spacing of the occasions and well below its standard error.
/// </summary>
internal static class ObservedInformation
{
    /// <summary>The knot step as a fraction of the admissible knot range.</summary>
    public const double KnotStepFraction = 2e-3;

    public static double KnotStep(KnotBounds b) => KnotStepFraction * (b.Upper - b.Lower);

    /// <summary>
    /// The difference step of one curve parameter: the knot step for a spline; for the smooth curves 1e-4 of the
    /// parameter's size (at least 1e-5), small against its standard error and large against rounding in ℓ.
    /// </summary>
    public static double GammaStep(ModelShape s, KnotBounds b, double gamma) =>
        s.HasKnot ? KnotStep(b) : 1e-4 * Math.Max(Math.Abs(gamma), 0.1);

    /// <summary>Smooth curves: central differences of the analytic score over every parameter, γ included.</summary>
    private static double[]? SmoothCovariance(MixtureLikelihood lik, ParameterSet ps)
    {
        var x = ps.Pack(true);
        int n = x.Length;
        var work = ps.Clone();
        double Eval(double[] v, double[] grad)
        {
            work.Unpack(v, true);
            return Polisher.NegativeGradient(lik, work, true, grad);
        }
        var H = Polisher.FiniteDifferenceHessian(x, Eval);
        if (H is null) return null;
        var L = (double[])H.Clone();
        if (!SmallDense.Cholesky(L, n)) return null;
        var cov = new double[n * n];
        SmallDense.Inverse(L, n, cov);
        return cov;
    }

    /// <summary>Returns the n x n covariance in the full packing order (knots included when free), or null when −H is not positive definite.</summary>
    public static double[]? Covariance(MixtureLikelihood lik, ParameterSet ps, KnotBounds bounds)
    {
        var s = lik.Shape;
        if (s.SmoothGamma && s.FreeGamma) return SmoothCovariance(lik, ps);
        var x = ps.Pack(false);
        int nx = x.Length;
        var work = ps.Clone();
        double Eval(double[] v, double[] grad)
        {
            work.Unpack(v, false);
            double l = lik.Gradient(work, grad);
            for (int j = 0; j < grad.Length; j++) grad[j] = -grad[j];
            return double.IsFinite(l) ? -l : double.PositiveInfinity;
        }
        var Hs = Polisher.FiniteDifferenceHessian(x, Eval);
        if (Hs is null) return null;
        var knotIdx = ps.KnotIndices();
        int nk = knotIdx.Length, n = nx + nk;
        // Map: full index -> (isKnot, position)
        var fullToSmooth = new int[n];
        var isKnot = new bool[n];
        for (int f = 0, sIdx = 0, kIdx = 0; f < n; f++)
        {
            if (kIdx < nk && knotIdx[kIdx] == f) { isKnot[f] = true; fullToSmooth[f] = kIdx++; }
            else fullToSmooth[f] = sIdx++;
        }
        var H = new double[n * n];
        for (int a = 0; a < n; a++)
            for (int b = 0; b < n; b++)
                if (!isKnot[a] && !isKnot[b]) H[a * n + b] = Hs[fullToSmooth[a] * nx + fullToSmooth[b]];
        if (nk > 0)
        {
            var steps = new double[nk];
            for (int k = 0; k < nk; k++) steps[k] = GammaStep(s, bounds, ps.GammaAt(k));
            var gp = new double[nx]; var gm = new double[nx];
            double f0 = -lik.Evaluate(ps);
            for (int k = 0; k < nk; k++)
            {
                double h = steps[k];
                work.CopyFrom(ps); work.GammaAt(k) = ps.GammaAt(k) + h; lik.Gradient(work, gp);
                work.CopyFrom(ps); work.GammaAt(k) = ps.GammaAt(k) - h; lik.Gradient(work, gm);
                int fk = knotIdx[k];
                for (int b = 0; b < n; b++)
                {
                    if (isKnot[b]) continue;
                    double v = -(gp[fullToSmooth[b]] - gm[fullToSmooth[b]]) / (2 * h);
                    H[fk * n + b] = v; H[b * n + fk] = v;
                }
                for (int l = 0; l <= k; l++)
                {
                    int fl = knotIdx[l];
                    double v;
                    if (l == k)
                    {
                        work.CopyFrom(ps); work.GammaAt(k) += h; double fp = -lik.Evaluate(work);
                        work.CopyFrom(ps); work.GammaAt(k) -= h; double fm = -lik.Evaluate(work);
                        v = (fp - 2 * f0 + fm) / (h * h);
                    }
                    else
                    {
                        double hl = steps[l];
                        double F(double dk, double dl) { work.CopyFrom(ps); work.GammaAt(k) += dk; work.GammaAt(l) += dl; return -lik.Evaluate(work); }
                        v = (F(h, hl) - F(h, -hl) - F(-h, hl) + F(-h, -hl)) / (4 * h * hl);
                    }
                    H[fk * n + fl] = v; H[fl * n + fk] = v;
                }
            }
        }
        var L = (double[])H.Clone();
        if (!SmallDense.Cholesky(L, n)) return null;
        var cov = new double[n * n];
        SmallDense.Inverse(L, n, cov);
        return cov;
    }
}
