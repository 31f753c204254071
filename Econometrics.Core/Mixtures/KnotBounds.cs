namespace Econometrics.Mixtures;

/// <summary>
/// The admissible range of a scalar curve parameter. A knot lies between the mean second and the mean next-to-last
/// occasion, so both slopes are identified. A negative-exponential rate b lies in (0.01, 50)/span and a Jenss–Bayley
/// acceleration c in (−30, 10)/span, span the mean time from the first to the last occasion: outside them the
/// loadings are flat (b → 0, c → 0 are the linear limits) or overflow the time scale.
/// </summary>
internal sealed record KnotBounds(double Lower, double Upper)
{
    public static KnotBounds From(GrowthData d) => From(d, GrowthCurve.BilinearSpline);

    public static KnotBounds From(GrowthData d, GrowthCurve curve)
    {
        double Mean(int j)
        {
            double s = 0; int n = 0;
            for (int i = 0; i < d.N; i++) { var t = d.T[i * d.P + j]; if (!double.IsNaN(t)) { s += t; n++; } }
            return n > 0 ? s / n : double.NaN;
        }
        double span = Mean(d.P - 1) - Mean(0);
        if (!(span > 0)) span = 1;
        return curve switch
        {
            GrowthCurve.NegativeExponential => new KnotBounds(0.01 / span, 50 / span),
            GrowthCurve.JenssBayley => new KnotBounds(-30 / span, 10 / span),
            _ => new KnotBounds(Mean(1), Mean(d.P - 2)),
        };
    }
}
