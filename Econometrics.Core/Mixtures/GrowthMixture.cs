namespace Econometrics.Mixtures;

/// <summary>
/// A K-class growth mixture of experts (Liu and Perera, Psychological Methods 2023): within class k a latent growth
/// curve (linear, quadratic, bilinear spline with a class-specific knot, negative exponential, Jenss–Bayley or
/// nonparametric latent basis, the nonlinear ones with class-specific curve parameters) whose growth factors regress on expert
/// covariates, with class membership following a multinomial logit on gating covariates (class 1 the reference).
/// </summary>
/// <remarks>
/// Estimation is EM with a one-dimensional search of a knot, rate or acceleration per class (a knot's likelihood has
/// kinks at observed times, where the maximum often sits, so gradient optimisers stop short) or a closed-form step of
/// the nonparametric curve's relative rates, many seeded random starts run in parallel, and a
/// quasi-Newton polish of the full log-likelihood. Standard errors come from the numerical observed information.
/// The model is that of Liu and Perera (Psychological Methods 28(1), 152-178, 2023).
/// </remarks>
public sealed partial record GrowthMixture
{
    /// <summary>Number of latent classes K (default 2).</summary>
    public int Classes { get; init; } = 2;

    /// <summary>The trajectory shape (default bilinear spline).</summary>
    public GrowthCurve Curve { get; init; } = GrowthCurve.BilinearSpline;

    /// <summary>Joint (OpenMx/nlpsem) or conditional (flexmix/lcmm) treatment of the expert covariates (default joint).</summary>
    public CovariateTreatment Covariates { get; init; } = CovariateTreatment.Joint;

    /// <summary>Number of starts (one k-means start plus perturbed ones; default 20).</summary>
    public int Starts { get; init; } = 20;

    /// <summary>How many of the best short runs are iterated to convergence (default 4, as Mplus).</summary>
    public int FinalStarts { get; init; } = 4;

    /// <summary>EM iterations of each short run (default 15).</summary>
    public int ShortIterations { get; init; } = 15;

    /// <summary>Maximum EM iterations of a final run (default 1000).</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>
    /// EM stops when the relative change in ℓ falls below this (default 1e-8). EM converges linearly, slowly when
    /// classes overlap; the quasi-Newton polish that follows takes ℓ the rest of the way.
    /// </summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>Knots held fixed at these values (one per class, in canonical order), or null to estimate them.</summary>
    public IReadOnlyList<double>? FixedKnots { get; init; }

    /// <summary>Whether to compute standard errors from the observed information (default true).</summary>
    public bool StandardErrors { get; init; } = true;

    /// <summary>
    /// Whether the standard errors are robust (default false): the Huber-White sandwich C J C with C = (−H)⁻¹ the
    /// inverse observed information and J = Σ s_i s_iᵀ the outer product of the casewise scores (Mplus's MLR), valid
    /// when the within-class normality is only approximate.
    /// </summary>
    public bool RobustStandardErrors { get; init; }

    /// <summary>
    /// Whether to add profile-likelihood 95% intervals of every class's knot, growth rate or acceleration (default false):
    /// {θ : 2 (ℓ_max − ℓ_p(θ)) ≤ χ²₁(0.95)} with every other parameter re-maximised at each θ, as OpenMx's mxCI. Unlike
    /// the Wald interval it follows the likelihood's shape (skewed profiles, a knot's kinks).
    /// </summary>
    public bool ProfileIntervals { get; init; }

    /// <summary>Random seed of the starts (default 20260101). The fit is identical on any thread count.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>Maximum parallel starts (default −1: all cores). Changes the speed, never the result.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The log-likelihood and posteriors at given parameters (no estimation).</summary>
    /// <param name="data">The data.</param>
    /// <param name="parameters">The parameters; class 1 is the gating reference.</param>
    /// <exception cref="ArgumentException">Dimensions do not match, or Ψ, Φ or θ is not positive (definite).</exception>
    public LikelihoodEvaluation LogLikelihood(GrowthData data, MixtureParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        var shape = Shape(data, freeKnots: true, parameters.K);
        var ps = ParameterSet.FromPublic(parameters, shape);
        var lik = new MixtureLikelihood(data, shape);
        if (lik.Prepare(ps) is null)
            throw new ArgumentException("Every Ψ and Φ must be positive definite and every θ positive.", nameof(parameters));
        var per = new double[data.N];
        var post = new double[data.N * shape.K];
        double ll = lik.Evaluate(ps, per, post);
        return new LikelihoodEvaluation(ll,
            MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(per),
            MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(data.N, shape.K, (i, k) => post[i * shape.K + k]),
            Covariates);
    }

    internal ModelShape Shape(GrowthData data, bool freeKnots, int? classes = null) =>
        new(classes ?? Classes, Curve, data.M, data.G, Covariates, freeKnots, data.P);
}
