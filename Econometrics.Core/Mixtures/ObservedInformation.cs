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

    /// <summary>Returns the n x n covariance in the full packing order (knots included when free), or null when −H is not positive definite.</summary>
    public static double[]? Covariance(MixtureLikelihood lik, ParameterSet ps, KnotBounds bounds)
    {
        var s = lik.Shape;
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
            double h = KnotStep(bounds);
            var gp = new double[nx]; var gm = new double[nx];
            double f0 = -lik.Evaluate(ps);
            for (int k = 0; k < nk; k++)
            {
                work.CopyFrom(ps); work.Knot[k] = ps.Knot[k] + h; lik.Gradient(work, gp);
                work.CopyFrom(ps); work.Knot[k] = ps.Knot[k] - h; lik.Gradient(work, gm);
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
                        work.CopyFrom(ps); work.Knot[k] += h; double fp = -lik.Evaluate(work);
                        work.CopyFrom(ps); work.Knot[k] -= h; double fm = -lik.Evaluate(work);
                        v = (fp - 2 * f0 + fm) / (h * h);
                    }
                    else
                    {
                        double F(double dk, double dl) { work.CopyFrom(ps); work.Knot[k] += dk; work.Knot[l] += dl; return -lik.Evaluate(work); }
                        v = (F(h, h) - F(h, -h) - F(-h, h) + F(-h, -h)) / (4 * h * h);
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
