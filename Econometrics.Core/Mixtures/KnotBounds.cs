namespace Econometrics.Mixtures;

/// <summary>The admissible knot range: between the mean second and the mean next-to-last occasion, so both slopes are identified.</summary>
internal sealed record KnotBounds(double Lower, double Upper)
{
    public static KnotBounds From(GrowthData d)
    {
        double Mean(int j)
        {
            double s = 0; int n = 0;
            for (int i = 0; i < d.N; i++) { var t = d.T[i * d.P + j]; if (!double.IsNaN(t)) { s += t; n++; } }
            return n > 0 ? s / n : double.NaN;
        }
        return new KnotBounds(Mean(1), Mean(d.P - 2));
    }
}
