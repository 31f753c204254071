namespace Econometrics.Mixtures;

/// <summary>
/// The dimensions and switches of one model: classes, growth factors, the curve's nonlinear parameters γ (R per
/// class: a knot, a growth rate, an acceleration, or p − 2 relative rates), covariates and their treatment.
/// </summary>
internal sealed record ModelShape(int K, GrowthCurve Curve, int M, int G, CovariateTreatment Treatment, bool FreeKnots, int P = 0)
{
    /// <summary>Number of growth factors.</summary>
    public int Q => Curve is GrowthCurve.Linear or GrowthCurve.NegativeExponential or GrowthCurve.Nonparametric ? 2 : 3;

    /// <summary>Number of nonlinear curve parameters γ per class.</summary>
    public int R => Curve switch
    {
        GrowthCurve.BilinearSpline or GrowthCurve.NegativeExponential or GrowthCurve.JenssBayley => 1,
        GrowthCurve.Nonparametric => Math.Max(P - 2, 0),
        _ => 0,
    };

    public bool HasKnot => Curve == GrowthCurve.BilinearSpline;

    /// <summary>Whether the curve has nonlinear parameters γ.</summary>
    public bool HasGamma => R > 0;

    /// <summary>Whether γ is estimated (only a spline's knots can be held fixed).</summary>
    public bool FreeGamma => HasGamma && (FreeKnots || !HasKnot);

    /// <summary>Whether ℓ is smooth in γ (everything but a spline's knot, whose likelihood has kinks at observed times).</summary>
    public bool SmoothGamma => HasGamma && !HasKnot;

    /// <summary>Whether the x density is part of the class density.</summary>
    public bool JointX => Treatment == CovariateTreatment.Joint && M > 0;

    /// <summary>Free parameters of one class (γ included when free).</summary>
    public int PerClass => Q + (FreeGamma ? R : 0) + Q * (Q + 1) / 2 + 1 + Q * M + (JointX ? M + M * (M + 1) / 2 : 0);

    /// <summary>Total free parameters.</summary>
    public int Count => K * PerClass + (K - 1) * (G + 1);

    /// <summary>The growth-factor names for this curve.</summary>
    public string[] FactorNames => Curve switch
    {
        GrowthCurve.Linear => ["intercept", "slope"],
        GrowthCurve.Quadratic => ["intercept", "linear", "quadratic"],
        GrowthCurve.NegativeExponential => ["intercept", "change"],
        GrowthCurve.JenssBayley => ["intercept", "slope", "change"],
        GrowthCurve.Nonparametric => ["intercept", "slope"],
        _ => ["level", "slope1", "slope2"],
    };

    /// <summary>The names of the nonlinear curve parameters (nlpsem's: knot, growth rate, acceleration, relative rates).</summary>
    public string[] GammaNames => Curve switch
    {
        GrowthCurve.BilinearSpline => ["knot"],
        GrowthCurve.NegativeExponential => ["rate"],
        GrowthCurve.JenssBayley => ["acceleration"],
        GrowthCurve.Nonparametric => [.. Enumerable.Range(2, R).Select(j => $"relrate{j}")],
        _ => [],
    };

    /// <summary>
    /// Writes the loadings of occasion <paramref name="j"/> of a person whose occasions are <paramref name="t"/> into
    /// <paramref name="lam"/>. Only the nonparametric curve looks at earlier occasions (its loading accumulates the
    /// intervals); the others need t[j] alone.
    /// </summary>
    public void Loadings(ReadOnlySpan<double> t, int j, ReadOnlySpan<double> gamma, Span<double> lam)
    {
        lam[0] = 1;
        double tj = t[j];
        switch (Curve)
        {
            case GrowthCurve.Linear: lam[1] = tj; break;
            case GrowthCurve.Quadratic: lam[1] = tj; lam[2] = tj * tj; break;
            case GrowthCurve.NegativeExponential: lam[1] = 1 - Math.Exp(-gamma[0] * tj); break;
            case GrowthCurve.JenssBayley: lam[1] = tj; lam[2] = Math.Exp(gamma[0] * tj) - 1; break;
            case GrowthCurve.Nonparametric:
            {
                double s = 0;
                for (int l = 1; l <= j; l++) s += (l == 1 ? 1 : gamma[l - 2]) * (t[l] - t[l - 1]);
                lam[1] = s;
                break;
            }
            default: lam[1] = Math.Min(tj, gamma[0]); lam[2] = Math.Max(tj - gamma[0], 0); break;
        }
    }

    /// <summary>
    /// ∂λ_j/∂γ of a smooth curve into <paramref name="dlam"/> (q x R, row-major): t e^{−bt} for the exponential's
    /// change loading, t e^{ct} for Jenss–Bayley's, and the later intervals up to occasion j for the nonparametric slope.
    /// </summary>
    public void LoadingDerivatives(ReadOnlySpan<double> t, int j, ReadOnlySpan<double> gamma, Span<double> dlam)
    {
        dlam.Clear();
        double tj = t[j];
        switch (Curve)
        {
            case GrowthCurve.NegativeExponential: dlam[1] = tj * Math.Exp(-gamma[0] * tj); break;
            case GrowthCurve.JenssBayley: dlam[2] = tj * Math.Exp(gamma[0] * tj); break;
            case GrowthCurve.Nonparametric:
                for (int r = 0; r + 2 <= j; r++) dlam[R + r] = t[r + 2] - t[r + 1];
                break;
            default: throw new InvalidOperationException("Only smooth curves have loading derivatives.");
        }
    }

    /// <summary>Loadings at a single time for curves that need no earlier occasions (all but nonparametric).</summary>
    public void Loadings(double t, ReadOnlySpan<double> gamma, Span<double> lam) =>
        Loadings([t], 0, gamma, lam);
}
