using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace Econometrics.Sem.Fitting;

/// <summary>The noncentral chi-square CDF as a Poisson mixture of central chi-squares, and its inversion in the
/// noncentrality (for the RMSEA confidence interval).</summary>
internal static class NoncentralChiSquared
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Cdf(double x, double df, double ncp)
    {
        if (x <= 0) return 0;
        if (ncp <= 0) return SpecialFunctions.GammaLowerRegularized(df / 2, x / 2);
        double half = ncp / 2;
        int mode = (int)Math.Floor(half);
        double logPoisMode = -half + mode * Math.Log(half) - SpecialFunctions.GammaLn(mode + 1);
        double sum = 0;
        // Sum outward from the Poisson mode until the weights are negligible.
        double w = Math.Exp(logPoisMode);
        for (int j = mode; j >= 0; j--)
        {
            double term = w * SpecialFunctions.GammaLowerRegularized(df / 2 + j, x / 2);
            sum += term;
            if (w < 1e-18 && j < mode - 5) break;
            w *= j / half;
        }
        w = Math.Exp(logPoisMode);
        for (int j = mode + 1; ; j++)
        {
            w *= half / j;
            double term = w * SpecialFunctions.GammaLowerRegularized(df / 2 + j, x / 2);
            sum += term;
            if (w < 1e-18 && term < 1e-18) break;
            if (j > mode + 100000) break;
        }
        return Math.Min(1, sum);
    }

    /// <summary>The ncp with Cdf(x, df, ncp) = target (Cdf decreases in ncp); 0 when Cdf(x, df, 0) &lt; target.</summary>
    public static double SolveNcp(double x, double df, double target)
    {
        if (Cdf(x, df, 0) < target) return 0;
        double lo = 0, hi = Math.Max(1, x);
        while (Cdf(x, df, hi) > target) { lo = hi; hi *= 2; }
        // Brent's method: a dozen CDF evaluations instead of a long bisection (each CDF is a Poisson-weighted sum).
        return MathNet.Numerics.RootFinding.Brent.FindRoot(ncp => Cdf(x, df, ncp) - target, lo, hi, 1e-10 * Math.Max(1, hi), 200);
    }
}
