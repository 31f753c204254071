using Econometrics.Inference;
using System.Globalization;
using System.Text.Json.Serialization;
using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace Econometrics.Mixtures;

/// <summary>A fitted growth mixture of experts: estimates, fit statistics, posterior classes and diagnostics.</summary>
/// <remarks>
/// Classes are in canonical order (ascending knot for a spline, ascending intercept otherwise) and class 1 is the
/// gating reference. Standard errors are from the observed information; the knot rows use a finite-difference step
/// wider than the spacing of observed times (the likelihood has kinks there), reported in <see cref="KnotStep"/>.
/// </remarks>
public sealed record GrowthMixtureResult : Result
{
    internal GrowthMixtureResult(MixtureParameters parameters, IReadOnlyList<ParameterEstimate> estimates, double logLik,
        int nParameters, IReadOnlyList<string> ids, Matrix<double> posteriors, GrowthCurve curve, CovariateTreatment covariates,
        bool fixedKnots, IReadOnlyList<string> experts, IReadOnlyList<string> gating, bool converged, int iterations, int starts,
        int replicated, double? knotStep, IReadOnlyList<Diagnostic> diagnostics)
    {
        Parameters = parameters; Estimates = estimates; LogLikelihood = logLik; NParameters = nParameters; Ids = ids;
        Posteriors = posteriors; Curve = curve; Covariates = covariates; FixedKnots = fixedKnots; ExpertNames = experts;
        GatingNames = gating; Converged = converged; Iterations = iterations; Starts = starts; Replicated = replicated;
        KnotStep = knotStep; Diagnostics = diagnostics;
        int n = ids.Count, k = parameters.K;
        var assign = new int[n];
        var sizes = new double[k];
        var counts = new int[k];
        double ent = 0;
        for (int i = 0; i < n; i++)
        {
            int best = 0;
            for (int c = 0; c < k; c++)
            {
                double t = posteriors[i, c];
                sizes[c] += t;
                if (t > posteriors[i, best]) best = c;
                double tf = Math.Max(t, double.Epsilon);
                ent -= tf * Math.Log(tf);
            }
            assign[i] = best + 1; counts[best]++;
        }
        Assignments = assign; ExpectedSizes = sizes; ModalCounts = counts;
        Entropy = k > 1 ? 1 - ent / (n * Math.Log(k)) : null;
    }

    /// <summary>The estimates on the original scale.</summary>
    [JsonIgnore]
    public MixtureParameters Parameters { get; }

    /// <summary>Every free parameter with its standard error and 95% Wald interval, in the reporting order.</summary>
    public IReadOnlyList<ParameterEstimate> Estimates { get; }

    /// <summary>The maximised log-likelihood.</summary>
    [JsonPropertyName("logLik")]
    public double LogLikelihood { get; }

    /// <summary>Number of free parameters.</summary>
    public int NParameters { get; }

    /// <summary>Number of persons N.</summary>
    public int NObs => Ids.Count;

    /// <summary>Number of classes K.</summary>
    public int K => Parameters.K;

    /// <summary>AIC = −2ℓ + 2k.</summary>
    public double Aic => SampleStatistics.Aic(LogLikelihood, NParameters);

    /// <summary>BIC = −2ℓ + k ln N.</summary>
    public double Bic => SampleStatistics.Bic(LogLikelihood, NParameters, NObs);

    /// <summary>Sample-size-adjusted BIC = −2ℓ + k ln((N + 2)/24) (Sclove).</summary>
    public double AdjustedBic => SampleStatistics.AdjustedBic(LogLikelihood, NParameters, NObs);

    /// <summary>Relative entropy 1 − Σ −τ log τ / (N log K) (as Mplus and nlpsem); null for one class.</summary>
    public double? Entropy { get; }

    /// <summary>Person identifiers, in data order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Posterior class probabilities τ_ik, N x K.</summary>
    [JsonIgnore]
    public Matrix<double> Posteriors { get; }

    /// <summary>Modal class of each person, 1-based.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> Assignments { get; }

    /// <summary>Expected class sizes Σ_i τ_ik.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> ExpectedSizes { get; }

    /// <summary>Modal class counts.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> ModalCounts { get; }

    /// <summary>The trajectory shape.</summary>
    public GrowthCurve Curve { get; }

    /// <summary>Whether the expert covariates were modelled jointly or conditioned on.</summary>
    public CovariateTreatment Covariates { get; }

    /// <summary>Whether the knots were held fixed.</summary>
    public bool FixedKnots { get; }

    /// <summary>Expert covariate names.</summary>
    public IReadOnlyList<string> ExpertNames { get; }

    /// <summary>Gating covariate names.</summary>
    public IReadOnlyList<string> GatingNames { get; }

    /// <summary>Whether the best run's EM met its tolerance (before polishing).</summary>
    public bool Converged { get; }

    /// <summary>EM iterations of the best run (its short run plus its final run).</summary>
    public int Iterations { get; }

    /// <summary>Number of starts tried.</summary>
    public int Starts { get; }

    /// <summary>How many final runs reached the best log-likelihood (within 1e-3); 1 means it was not replicated.</summary>
    public int Replicated { get; }

    /// <summary>The finite-difference step used for the knot rows of the information matrix, or null when not computed.</summary>
    public double? KnotStep { get; }

    /// <summary>Whether the standard errors are the robust sandwich (Huber-White, Mplus MLR) rather than the observed information's.</summary>
    public bool RobustStandardErrors { get; init; }

    /// <summary>Final-stage runs: the best short runs carried on to convergence (Mplus's final stage optimizations).</summary>
    public int FinalStarts { get; init; }

    /// <summary>Final-stage runs that met the EM tolerance without collapsing a class.</summary>
    public int ConvergedStarts { get; init; }

    /// <summary>Profile-likelihood 95% intervals of each class's knot, rate or acceleration, or null when not requested.</summary>
    public IReadOnlyList<ProfileInterval>? ProfileIntervals { get; init; }

    /// <summary>Per class: share, knot, growth-factor means, expert coefficients and covariances.</summary>
    [JsonPropertyName("classes")]
    public IReadOnlyList<GrowthClassSummary> ClassSummaries => Enumerable.Range(0, K).Select(k =>
    {
        var c = Parameters.Classes[k];
        bool joint = Covariates == CovariateTreatment.Joint && ExpertNames.Count > 0;
        return new GrowthClassSummary(k + 1, ExpectedSizes[k] / NObs, Curve == GrowthCurve.BilinearSpline ? c.Knot : null,
            c.Alpha.ToArray(), c.MarginalMeans.ToArray(), c.B, c.Psi, c.Theta, joint ? c.MuX.ToArray() : null, joint ? c.Phi : null)
        { CurveParameters = c.CurveParameters.Count > 0 ? c.CurveParameters.ToArray() : null };
    }).ToArray();

    /// <summary>Gating (multinomial logit) coefficients of classes 2..K against class 1.</summary>
    [JsonPropertyName("gating")]
    public IReadOnlyList<GatingCoefficients> GatingRows => Enumerable.Range(1, Math.Max(0, K - 1)).Select(k =>
        new GatingCoefficients(k + 1, Parameters.Gating[k, 0], Enumerable.Range(1, GatingNames.Count).Select(g => Parameters.Gating[k, g]).ToArray()))
        .ToArray();

    /// <summary>Each person's modal class and posterior probabilities.</summary>
    [JsonPropertyName("assignments")]
    public IReadOnlyList<ClassAssignment> AssignmentRows => Enumerable.Range(0, NObs)
        .Select(i => new ClassAssignment(Ids[i], Assignments[i], Enumerable.Range(0, K).Select(k => Posteriors[i, k]).ToArray())).ToArray();

    /// <summary>The summary as data.</summary>
    public override SummaryTable Summary()
    {
        static string F(double v, string fmt = "F4") => v.ToString(fmt, CultureInfo.InvariantCulture);
        var s = new SummaryTable($"Growth mixture of experts ({CurveName(Curve)}, {K} class{(K > 1 ? "es" : "")})");
        s.AddHeader("Persons", NObs).AddHeader("Covariates",
            Covariates == CovariateTreatment.Joint ? "joint (OpenMx/nlpsem likelihood)" : "conditional (flexmix/lcmm)")
         .AddHeader("Gating covariates", GatingNames.Count > 0 ? string.Join(", ", GatingNames) : "none")
         .AddHeader("Expert covariates", ExpertNames.Count > 0 ? string.Join(", ", ExpertNames) : "none")
         .AddHeader("Log-likelihood", F(LogLikelihood, "F6")).AddHeader("Parameters", NParameters)
         .AddHeader("AIC", F(Aic, "F3")).AddHeader("BIC", F(Bic, "F3")).AddHeader("Adjusted BIC", F(AdjustedBic, "F3"))
         .AddHeader("Entropy", Entropy is double e ? F(e) : "n/a (one class)")
         .AddHeader("Starts", $"{Starts} ({Replicated} final run(s) at the best log-likelihood)")
         .AddHeader("Converged", Converged ? $"yes ({Iterations} EM iterations, then quasi-Newton)" : $"no ({Iterations} EM iterations)");
        if (RobustStandardErrors) s.AddHeader("Standard errors", "robust (Huber-White sandwich, MLR)");
        // The scalar curve parameter (knot, rate, acceleration) gets a column; relative rates are in the estimates.
        string? scalar = Curve switch
        {
            GrowthCurve.BilinearSpline => "knot",
            GrowthCurve.NegativeExponential => "rate",
            GrowthCurve.JenssBayley => "acceleration",
            _ => null,
        };
        var classes = scalar is null
            ? new Table("Classes", "class", "proportion", "expected size", "modal count")
            : new Table("Classes", "class", "proportion", "expected size", "modal count", scalar);
        for (int k = 0; k < K; k++)
        {
            var c = Parameters.Classes[k];
            Cell[] row = [(k + 1).ToString(CultureInfo.InvariantCulture), F(ExpectedSizes[k] / NObs), F(ExpectedSizes[k], "F2"), ModalCounts[k]];
            if (scalar is not null) row = [.. row, Curve == GrowthCurve.BilinearSpline ? F(c.Knot) : F(c.CurveParameters[0])];
            classes.AddRow(row);
        }
        s.AddTable(classes);
        var est = new Table("Estimates (95% Wald intervals)", "parameter", "estimate", "std. error", "z", "p", "lower", "upper");
        foreach (var p in Estimates)
            est.AddRow(p.Term, F(p.Estimate, "F6"), p.StdError is double se ? F(se, "F6") : "-", p.Statistic is double z ? F(z, "F2") : "-",
                p.PValue is double pv ? F(pv, "F4") : "-", p.CiLower is double lo ? F(lo, "F4") : "-", p.CiUpper is double up ? F(up, "F4") : "-");
        s.AddTable(est);
        if (ProfileIntervals is not null)
        {
            var prof = new Table("Profile-likelihood 95% intervals", "parameter", "estimate", "lower", "upper", "profile fits");
            foreach (var p in ProfileIntervals)
                prof.AddRow(p.Term, F(p.Estimate, "F6"), p.Lower is double lo ? F(lo, "F6") : "-", p.Upper is double up ? F(up, "F6") : "-",
                    p.Evaluations);
            s.AddTable(prof);
            s.AddNote("Profile-likelihood interval: the values where 2 (logLik - profile logLik) = 3.841 (chi-square 1 df, 95%), every other " +
                "parameter re-maximised at each value (as OpenMx mxCI); '-': the profile stays inside up to the admissible range's edge.");
        }
        s.AddNote("Class 1 is the gating reference; classes are ordered by " + (Curve == GrowthCurve.BilinearSpline ? "knot." : "intercept."));
        s.AddNote("alpha: growth-factor intercepts at x = 0; psi: residual growth-factor covariance; theta: residual variance.");
        if (KnotStep is double h)
            s.AddNote($"Knot standard errors use a finite-difference step of {F(h, "G4")} (the likelihood has kinks at observed times).");
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.GrowthMixtureResult;

    /// <summary>The estimated class trajectories over the individual curves, coloured by modal class.</summary>
    /// <param name="data">The data the model was fitted to (for the individual curves).</param>
    /// <param name="maxPersons">At most this many individual curves are drawn (the first ones in data order).</param>
    /// <exception cref="ArgumentException">The data do not have the fitted persons.</exception>
    public Plot PlotTrajectories(GrowthData data, int maxPersons = 300)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.N != NObs) throw new ArgumentException($"The data have {data.N} persons; the fit has {NObs}.", nameof(data));
        var plot = Figures.Create("Estimated class trajectories", data.TimeName, data.OutcomeName);
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < Math.Min(maxPersons, data.N); i++)
        {
            var pts = Enumerable.Range(0, data.P).Where(j => !double.IsNaN(data.Outcome(i, j))).ToArray();
            if (pts.Length < 2) continue;
            var line = plot.Add.ScatterLine(pts.Select(j => data.Time(i, j)).ToArray(), pts.Select(j => data.Outcome(i, j)).ToArray());
            line.Color = palette.GetColor(Assignments[i] - 1).WithAlpha(0.18);
            line.LineWidth = 1;
        }
        double tmin = double.PositiveInfinity, tmax = double.NegativeInfinity;
        for (int i = 0; i < data.N; i++) for (int j = 0; j < data.P; j++)
        {
            var t = data.Time(i, j); if (!double.IsNaN(t))
            {
                tmin = Math.Min(tmin,
            t); tmax = Math.Max(tmax, t);
            }
        }
        var shape = new ModelShape(K, Curve, ExpertNames.Count, GatingNames.Count, Covariates, !FixedKnots, data.P);
        Span<double> lam = stackalloc double[shape.Q];
        // The nonparametric curve is defined at the occasions only: draw it through the mean occasion times.
        var meanTimes = Enumerable.Range(0, data.P).Select(j => Enumerable.Range(0, data.N).Select(i => data.Time(i, j))
            .Where(t => !double.IsNaN(t)).DefaultIfEmpty(double.NaN).Average()).ToArray();
        for (int k = 0; k < K; k++)
        {
            var c = Parameters.Classes[k];
            var gamma = Curve == GrowthCurve.BilinearSpline ? [c.Knot] : c.CurveParameters.ToArray();
            var mean = ClassMean(data, k);
            var ts = Curve == GrowthCurve.Nonparametric ? meanTimes : Enumerable.Range(0, 101).Select(j => tmin + (tmax - tmin) * j / 100.0).ToArray();
            var ys = new double[ts.Length];
            for (int j = 0; j < ts.Length; j++)
            {
                shape.Loadings(ts, j, gamma, lam);
                double v = 0;
                for (int a = 0; a < shape.Q; a++) v += lam[a] * mean[a];
                ys[j] = v;
            }
            var line = plot.Add.ScatterLine(ts, ys);
            line.Color = palette.GetColor(k);
            line.LineWidth = 3;
            line.LegendText = Curve == GrowthCurve.BilinearSpline
                ? string.Create(CultureInfo.InvariantCulture, $"class {k + 1} (knot {c.Knot:F2}, {ExpectedSizes[k] / NObs:P0})")
                : string.Create(CultureInfo.InvariantCulture, $"class {k + 1} ({ExpectedSizes[k] / NObs:P0})");
        }
        plot.ShowLegendOutside();
        return plot;
    }

    /// <summary>Growth-factor means of class k at its posterior-weighted mean of the expert covariates.</summary>
    private double[] ClassMean(GrowthData data, int k)
    {
        var c = Parameters.Classes[k];
        int m = ExpertNames.Count;
        var xbar = new double[m];
        double w = 0;
        for (int i = 0; i < data.N; i++) { w += Posteriors[i, k]; for (int j = 0; j < m; j++) xbar[j] += Posteriors[i, k] * data.X[i * m + j]; }
        for (int j = 0; j < m; j++) xbar[j] /= Math.Max(w, 1e-300);
        var mean = new double[c.Factors];
        for (int a = 0; a < c.Factors; a++) { mean[a] = c.Alpha[a]; for (int j = 0; j < m; j++) mean[a] += c.B[a, j] * xbar[j]; }
        return mean;
    }

    /// <summary>Histograms of the posterior probability of each person's modal class, by class.</summary>
    public Plot PlotPosteriors()
    {
        var plot = Figures.Create("Posterior probability of the assigned class", "posterior probability", "persons");
        var palette = new ScottPlot.Palettes.Category10();
        const int bins = 20;
        double lo = K > 1 ? 1.0 / K : 0;
        double width = (1 - lo) / bins;
        for (int k = 0; k < K; k++)
        {
            var counts = new double[bins];
            for (int i = 0; i < NObs; i++)
                if (Assignments[i] == k + 1)
                    counts[Math.Min(bins - 1, (int)((Posteriors[i, k] - lo) / width))]++;
            var bars = Enumerable.Range(0, bins).Select(b => new Bar
            {
                Position = lo + (b + 0.5) * width + (k - (K - 1) / 2.0) * width / (K + 1),
                Value = counts[b], Size = width / (K + 1), FillColor = palette.GetColor(k),
            }).ToArray();
            var bp = plot.Add.Bars(bars);
            bp.LegendText = $"class {k + 1}";
        }
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegendOutside();
        return plot;
    }

    internal static string CurveName(GrowthCurve c) => c switch
    {
        GrowthCurve.Linear => "linear",
        GrowthCurve.Quadratic => "quadratic",
        GrowthCurve.NegativeExponential => "negative exponential",
        GrowthCurve.JenssBayley => "Jenss-Bayley",
        GrowthCurve.Nonparametric => "nonparametric",
        _ => "bilinear spline",
    };
}
