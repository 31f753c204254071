namespace Econometrics.Mixtures;

/// <summary>The dimensions and switches of one model: classes, growth factors, covariates, curve, treatment.</summary>
internal sealed record ModelShape(int K, GrowthCurve Curve, int M, int G, CovariateTreatment Treatment, bool FreeKnots)
{
    /// <summary>Number of growth factors.</summary>
    public int Q => Curve == GrowthCurve.Linear ? 2 : 3;

    public bool HasKnot => Curve == GrowthCurve.BilinearSpline;

    /// <summary>Whether the x density is part of the class density.</summary>
    public bool JointX => Treatment == CovariateTreatment.Joint && M > 0;

    /// <summary>Free parameters of one class (knot included when free).</summary>
    public int PerClass => Q + (HasKnot && FreeKnots ? 1 : 0) + Q * (Q + 1) / 2 + 1 + Q * M + (JointX ? M + M * (M + 1) / 2 : 0);

    /// <summary>Total free parameters.</summary>
    public int Count => K * PerClass + (K - 1) * (G + 1);

    /// <summary>The growth-factor names for this curve.</summary>
    public string[] FactorNames => Curve switch
    {
        GrowthCurve.Linear => ["intercept", "slope"],
        GrowthCurve.Quadratic => ["intercept", "linear", "quadratic"],
        _ => ["level", "slope1", "slope2"],
    };

    /// <summary>Writes the loadings of occasion time <paramref name="t"/> into <paramref name="lam"/>.</summary>
    public void Loadings(double t, double knot, Span<double> lam)
    {
        lam[0] = 1;
        switch (Curve)
        {
            case GrowthCurve.Linear: lam[1] = t; break;
            case GrowthCurve.Quadratic: lam[1] = t; lam[2] = t * t; break;
            default: lam[1] = Math.Min(t, knot); lam[2] = Math.Max(t - knot, 0); break;
        }
    }
}
