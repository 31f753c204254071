using System.Globalization;
using MathNet.Numerics.Distributions;

namespace Econometrics.Mixtures;

/// <summary>
/// Profile-likelihood intervals of the scalar curve parameters (knot, rate, acceleration) of every class: each limit is
/// the root of 2 (ℓ_max − ℓ_p(θ)) − χ²₁(level) on its side of the estimate, bracketed by steps that double from the
/// Wald standard error and refined by Brent's method; ℓ_p(θ) re-maximises every other parameter (EM with θ held, then
/// the quasi-Newton polish with θ held) from the previous profile point (warm starts).
/// </summary>
internal static class ProfileLikelihood
{
    public static (ProfileInterval[] Intervals, List<Diagnostic> Diagnostics) Compute(MixtureLikelihood lik, ParameterSet best, double llMax,
        KnotBounds bounds, string[] terms, double?[] standardErrors, double level, IProgress<double>? progress, CancellationToken ct)
    {
        var s = lik.Shape;
        double cut = ChiSquared.InvCDF(1, level);
        var diagnostics = new List<Diagnostic>();
        var intervals = new ProfileInterval[s.K];
        for (int k = 0; k < s.K; k++)
        {
            double est = best.Gamma[k][0];
            int evaluations = 0;
            double higher = llMax;
            var warm = best.Clone();
            double Deviance(double theta)
            {
                ct.ThrowIfCancellationRequested();
                evaluations++;
                warm.Gamma[k][0] = theta;
                double l = Maximise(lik, warm, bounds, k, ct);
                higher = Math.Max(higher, l);
                return 2 * (llMax - l) - cut;
            }
            double width = bounds.Upper - bounds.Lower;
            double first = standardErrors[k] is double se && se > 0 && double.IsFinite(se) ? se : 0.02 * width;
            double?[] limits = new double?[2];
            for (int side = 0; side < 2; side++)
            {
                int sign = side == 0 ? -1 : 1;
                double edge = side == 0 ? bounds.Lower : bounds.Upper;
                warm = best.Clone();
                double inner = est, step = first, outer = est;
                bool bracketed = false;
                while (Math.Abs(edge - inner) > 1e-9 * Math.Max(1, Math.Abs(edge)))
                {
                    outer = Math.Abs(step) < Math.Abs(edge - est) ? est + sign * step : edge;
                    if (Deviance(outer) > 0) { bracketed = true; break; }
                    inner = outer; step *= 2;
                }
                if (!bracketed) continue;
                double lo = Math.Min(inner, outer), hi = Math.Max(inner, outer);
                if (MathNet.Numerics.RootFinding.Brent.TryFindRoot(Deviance, lo, hi, 1e-7 * Math.Max(1, Math.Abs(est)), 100, out double root))
                    limits[side] = root;
            }
            var term = terms[k];
            if (higher > llMax + 1e-6)
                diagnostics.Add(Diagnostic.Warning(string.Create(CultureInfo.InvariantCulture,
                    $"The profile of {term} reached a log-likelihood {higher - llMax:G3} above the fit's: the fit is a local maximum; refit with more starts."),
                    "profile-higher-maximum"));
            foreach (var (limit, name, edge) in new[] { (limits[0], "lower", bounds.Lower), (limits[1], "upper", bounds.Upper) })
                if (limit is null)
                    diagnostics.Add(Diagnostic.Warning(string.Create(CultureInfo.InvariantCulture,
                        $"The profile of {term} stays within the {level:P0} cut up to the edge of its admissible range ({edge:G4}): no {name} limit."),
                        "profile-open"));
            intervals[k] = new ProfileInterval(term, est, limits[0], limits[1], level, evaluations);
            progress?.Report((k + 1.0) / s.K);
        }
        return (intervals, diagnostics);
    }

    /// <summary>ℓ maximised over every parameter but class <paramref name="k"/>'s γ, from <paramref name="ps"/> (updated in place).</summary>
    internal static double Maximise(MixtureLikelihood lik, ParameterSet ps, KnotBounds bounds, int k, CancellationToken ct)
    {
        var em = new EmAlgorithm(lik, bounds) { HeldClass = k };
        var start = ps.Clone();
        var o = em.Run(ps, 200, 1e-10, ct);
        if (o.Degenerate || !double.IsFinite(o.LogLikelihood)) ps.CopyFrom(start);   // EM collapsed a class: polish the warm start
        return Polisher.Polish(lik, ps, bounds, ct, held: k);
    }
}
