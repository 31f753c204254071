using System.Runtime.CompilerServices;
using Econometrics.LinearAlgebra;
using Econometrics.Inference;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>lavaan's fit measures from the fitted and sample covariances (conventions of lavaan's fitMeasures, Rosseel 2012).</summary>
internal static class FitMeasureCalculator
{
    public static SemFitMeasures Compute(RamModel model, Matrix<double> s, Matrix<double> sigma, double logDetS, double fmin, int n, int df, int npar,
                                         Vector<double>? sampleMean = null, Vector<double>? mu = null) =>
        Compute(model, [s], [sigma], [logDetS], [fmin], [n], df, npar, [sampleMean], [mu]);

    /// <summary>
    /// The fit measures of a G-group model from each group's sample and implied moments and objective F_g (lavaan's
    /// multiple-group conventions): T = sum_g 2 N_g F_g, the baseline and log-likelihoods summed over groups, RMSEA with
    /// N = sum N_g times sqrt(G) (Steiger 1998; the noncentrality of its tests divided by G), and SRMR the N_g / N weighted
    /// mean of the groups' SRMRs. With one group these are the single-group formulas.
    /// </summary>
    public static SemFitMeasures Compute(RamModel model, Matrix<double>[] samples, Matrix<double>[] sigmas, double[] logDetS, double[] f, int[] ns,
                                         int df, int npar, Vector<double>?[] sampleMeans, Vector<double>?[] mus)
    {
        int p = model.Observed, q = npar, k = model.FixedX.Length, ng = samples.Length;
        int n = ns.Sum();
        double fmin = 0, t = 0, tb = 0, srmr = 0, logl = 0, logl1 = 0;
        for (int g = 0; g < ng; g++)
        {
            fmin += (double)ns[g] / n * f[g];
            t += 2 * ns[g] * f[g];
            var (tbg, srmrg, loglg, logl1g) = Group(model, samples[g], sigmas[g], logDetS[g], ns[g], sampleMeans[g], mus[g]);
            tb += tbg; logl += loglg; logl1 += logl1g;
            srmr += (double)ns[g] / n * srmrg;
        }
        int dfb = ng * (p * (p - 1) / 2 - k * (k - 1) / 2);
        return FromStatistics(t, df, tb, dfb, srmr, logl, logl1, n, q, fmin, ng);
    }

    /// <summary>
    /// The fit measures from the test statistic T, the baseline's T0 and df0, the SRMR and the log-likelihoods of G groups with
    /// N rows in all (the parts that do not depend on how the likelihood treats the data: complete-data ML and FIML share them).
    /// </summary>
    public static SemFitMeasures FromStatistics(double t, int df, double tb, int dfb, double srmr, double logl, double logl1, int n, int q, double fmin,
        int ng = 1)
    {
        if (t < 0) t = 0;
        double pValue = df > 0 ? ReferenceDistribution.ChiSquared(df).Survival(t) : double.NaN;
        double num = Math.Max(t - df, 0), den = Math.Max(Math.Max(t - df, tb - dfb), 0);
        double cfi = den == 0 ? 1 : 1 - num / den;
        double tli = df == 0 ? 1 : (tb / dfb - t / df) / (tb / dfb - 1);
        double nfi = df == 0 ? 1 : (tb - t) / tb;

        double rmsea = 0, lo = 0, hi = 0, pClose = double.NaN, pNotClose = double.NaN;
        if (df > 0)
        {
            double root = Math.Sqrt(ng);
            rmsea = Math.Sqrt(Math.Max(0, (t - df) / ((double)df * n))) * root;
            lo = Math.Sqrt(NoncentralChiSquared.SolveNcp(t, df, 0.95) / ((double)n * df)) * root;
            hi = Math.Sqrt(NoncentralChiSquared.SolveNcp(t, df, 0.05) / ((double)n * df)) * root;
            pClose = 1 - NoncentralChiSquared.Cdf(t, df, n * df * 0.05 * 0.05 / ng);
            pNotClose = NoncentralChiSquared.Cdf(t, df, n * df * 0.08 * 0.08 / ng);
        }
        double aic = SampleStatistics.Aic(logl, q), bic = SampleStatistics.Bic(logl, q, n), sabic = SampleStatistics.AdjustedBic(logl, q, n);
        return new SemFitMeasures(t, df, pValue, tb, dfb, cfi, tli, nfi, rmsea, lo, hi, pClose, pNotClose, srmr, logl, logl1, aic, bic, sabic, q, fmin);
    }

    // One group's baseline statistic, SRMR and log-likelihoods (model and saturated).
    private static (double Tb, double Srmr, double Logl, double Logl1) Group(RamModel model, Matrix<double> s, Matrix<double> sigma, double logDetS,
        int n, Vector<double>? sampleMean, Vector<double>? mu)
    {
        int p = model.Observed, k = model.FixedX.Length;
        // Independence model: all variables uncorrelated, except that the fixed.x block keeps its sample moments.
        var sb = Matrix<double>.Build.Dense(p, p, (i, j) => i == j || (model.FixedX.Contains(i) && model.FixedX.Contains(j)) ? s[i, j] : 0);
        double tb = n * (LogDet(sb) + SmallDense.TraceOfProduct(SmallDense.InverseSpd(sb) ?? sb.Inverse(), s) - logDetS - p);

        double srmr = Srmr(s, sigma, sampleMean, mu);

        const double Log2Pi = 1.8378770664093453;
        var sigmaInv = SmallDense.InverseSpd(sigma) ?? sigma.Inverse();
        double meanMisfit = mu is null ? 0 : (sampleMean! - mu).DotProduct(sigmaInv * (sampleMean! - mu));
        double logl = -n / 2.0 * (p * Log2Pi + LogDet(sigma) + SmallDense.TraceOfProduct(sigmaInv, s) + meanMisfit);
        double logl1 = -n / 2.0 * (p * Log2Pi + logDetS + p);
        if (k > 0)
        {
            // fixed.x: the likelihood is conditional on the covariates, so their marginal log-likelihood is removed.
            var sxx = Matrix<double>.Build.Dense(k, k, (i, j) => s[model.FixedX[i], model.FixedX[j]]);
            double lx = -n / 2.0 * (k * Log2Pi + LogDet(sxx) + k);
            logl -= lx; logl1 -= lx;
        }
        return (tb, srmr, logl, logl1);
    }

    /// <summary>lavaan's SRMR: the root mean square of the standardized covariance residuals, and of the standardized mean
    /// residuals with a mean structure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Srmr(Matrix<double> s, Matrix<double> sigma, Vector<double>? sampleMean, Vector<double>? mu)
    {
        int p = s.RowCount;
        double srmrSum = 0; int cnt = 0;
        for (int i = 0; i < p; i++)
            for (int j = 0; j <= i; j++, cnt++)
            {
                double r = (s[i, j] - sigma[i, j]) / Math.Sqrt(s[i, i] * s[j, j]);
                srmrSum += r * r;
            }
        if (mu is not null)
            for (int i = 0; i < p; i++, cnt++)
            {
                // lavaan's SRMR with a mean structure also averages the standardized mean residuals.
                double r = (sampleMean![i] - mu[i]) / Math.Sqrt(s[i, i]);
                srmrSum += r * r;
            }
        return Math.Sqrt(srmrSum / cnt);
    }

    private static double LogDet(Matrix<double> m) => SmallDense.LogDeterminantSpd(m);
}
