namespace Econometrics.Mixtures;

/// <summary>
/// A bilinear spline's likelihood has a kink in each knot at every observed time, so the quasi-Newton polish can stop on
/// a kink that is not the top of the knot's profile. For each class whose knot sits on an observed time, knots a few
/// difference steps either side are tried with every other parameter re-maximised (as for profile likelihood); the fit
/// moves while that raises the log-likelihood, and is polished again from there.
/// </summary>
internal static class KnotSearch
{
    private static readonly double[] Offsets = [-1, 1, -2, 2, -4, 4];

    public static double Refine(MixtureLikelihood lik, ParameterSet ps, double ll, KnotBounds bounds, double[] sortedTimes,
        CancellationToken ct)
    {
        double h = ObservedInformation.KnotStep(bounds);
        for (int round = 0; round < 4; round++)
        {
            bool moved = false;
            for (int k = 0; k < lik.Shape.K; k++)
            {
                if (!OnObservedTime(sortedTimes, ps.Gamma[k][0])) continue;
                double knot = ps.Gamma[k][0];
                foreach (double step in Offsets)
                {
                    double trialKnot = knot + step * h;
                    if (trialKnot <= bounds.Lower || trialKnot >= bounds.Upper) continue;
                    var trial = ps.Clone();
                    trial.Gamma[k][0] = trialKnot;
                    double l = ProfileLikelihood.Maximise(lik, trial, bounds, k, ct);
                    if (!(l > ll + 1e-6)) continue;
                    double polished = Polisher.Polish(lik, trial, bounds, ct);
                    ps.CopyFrom(trial);
                    ll = Math.Max(l, polished);
                    moved = true;
                    break;
                }
            }
            if (!moved) break;
        }
        return ll;
    }

    internal static bool OnObservedTime(double[] sortedTimes, double knot)
    {
        int at = Array.BinarySearch(sortedTimes, knot);
        if (at >= 0) return true;
        int i = ~at;
        double near = Math.Min(i < sortedTimes.Length ? sortedTimes[i] - knot : double.PositiveInfinity,
            i > 0 ? knot - sortedTimes[i - 1] : double.PositiveInfinity);
        return near < 1e-6;
    }
}
