using Econometrics.Causal;
using Econometrics.Reporting;
using System.Text.Json.Serialization;
using MathNet.Numerics.LinearAlgebra;
using Econometrics.Sem.Covariance;
using Econometrics.Sem.Graphs;

namespace Econometrics.Sem.Fitting;

/// <summary>A fitted linear SEM: lavaan-style parameter table, fit measures, sample and implied covariances.</summary>
public sealed partial record SemFit : Result
{
    private readonly RamModel _model;

    internal SemFit(RamModel model, IReadOnlyList<ParameterEstimate> estimates, SemFitMeasures fit, Matrix<double> sample,
                    Matrix<double> implied, int nobs, int iterations, bool converged, Matrix<double>? vcov, IReadOnlyList<Diagnostic> diagnostics)
    {
        _model = model; Estimates = estimates; FitMeasures = fit; SampleCovariance = sample; ImpliedCovariance = implied;
        NObs = nobs; Iterations = iterations; Converged = converged; Vcov = vcov; Diagnostics = diagnostics;
    }

    /// <summary>
    /// The parameter table: loadings, regressions, covariances, intercepts and variances (fixed ones included), then the
    /// defined parameters (op <c>:=</c>, lhs the name, rhs the expression, delta-method standard errors).
    /// </summary>
    public IReadOnlyList<ParameterEstimate> Estimates { get; }

    /// <summary>The estimator (ML, or MLM with robust standard errors and the Satorra-Bentler scaled test).</summary>
    public SemEstimation Estimation { get; init; }

    /// <summary>The number of successful bootstrap replicates behind the standard errors; null without the bootstrap.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? BootstrapDraws { get; init; }

    /// <summary>A bootstrap shard's replicate estimates (one row of free parameters per replicate) for a merge; null in a one-process run.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Econometrics.Inference.ReplicateDraws? ReplicateDraws { get; init; }

    /// <summary>The groups of a multiple-group fit (sizes, chi-square contributions, sample and implied covariances); null with one group.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SemGroup>? Groups { get; init; }

    /// <summary>Modification indices sorted by size (largest first), when requested; null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ModificationIndex>? ModificationIndices { get; init; }

    /// <summary>How missing values were handled (listwise deletion or full-information ML).</summary>
    public SemMissing Missing { get; init; }

    /// <summary>
    /// Full-information ML: the proportion of rows observing each pair of observed variables (lavaan's
    /// <c>lavInspect(fit, "coverage")</c>); null for listwise deletion.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Matrix<double>? Coverage { get; init; }

    /// <summary>
    /// Full-information ML: each used row's log-likelihood of its observed values at the estimates (lavaan's
    /// <c>loglik.casewise</c>), in the order of the rows with at least one observed model variable; null for listwise deletion.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? CasewiseLogLikelihood { get; init; }

    /// <summary>The fit measures.</summary>
    [JsonPropertyName("fit")]
    public SemFitMeasures FitMeasures { get; }

    /// <summary>Observed variables, in the order of the covariance matrices.</summary>
    [JsonPropertyName("observed")]
    public IReadOnlyList<string> ObservedVariables => _model.Variables.Take(_model.Observed).ToArray();

    /// <summary>Latent variables.</summary>
    [JsonPropertyName("latent")]
    public IReadOnlyList<string> LatentVariables => _model.Variables.Skip(_model.Observed).ToArray();

    /// <summary>Sample covariance S (divisor N; of the first group with several groups, see <see cref="Groups"/>).</summary>
    public Matrix<double> SampleCovariance { get; }

    /// <summary>Model-implied covariance Sigma(theta-hat) of the observed variables (of the first group with several groups).</summary>
    public Matrix<double> ImpliedCovariance { get; }

    /// <summary>Sample size N.</summary>
    [JsonPropertyName("nobs")]
    public int NObs { get; }

    /// <summary>Fisher-scoring iterations.</summary>
    public int Iterations { get; }

    /// <summary>Whether the optimizer converged.</summary>
    public bool Converged { get; }

    /// <summary>Covariance of the free parameters (inverse expected information / N), or null when singular.</summary>
    public Matrix<double>? Vcov { get; }


    /// <summary>The estimate for lhs op rhs (either orientation for ~~).</summary>
    /// <param name="lhs">Left-hand variable.</param>
    /// <param name="op">Operator.</param>
    /// <param name="rhs">Right-hand variable.</param>
    public ParameterEstimate Get(string lhs, string op, string rhs)
    {
        ArgumentNullException.ThrowIfNull(lhs); ArgumentNullException.ThrowIfNull(op); ArgumentNullException.ThrowIfNull(rhs);
        return Estimates.FirstOrDefault(e => e.Op == op && ((e.Lhs == lhs && e.Rhs == rhs) || (op == "~~" && e.Lhs == rhs && e.Rhs == lhs)))
            ?? throw new ArgumentException($"The model has no parameter '{lhs} {op} {rhs}'.", nameof(lhs));
    }

    /// <summary>The mixed graph over observed and latent variables (directed: loadings and regressions; bidirected: covariances).</summary>
    public MixedGraph Graph()
    {
        var directed = _model.Cells.Where(c => c.IsA).Select(c => (_model.Variables[c.Col], _model.Variables[c.Row]));
        var bi = _model.Cells.Where(c => c.IsS && c.Row != c.Col).Select(c => (_model.Variables[c.Row], _model.Variables[c.Col]));
        return new MixedGraph(_model.Variables, directed, bi);
    }

    /// <summary>Residual correlations: S and Sigma each scaled to correlations, then subtracted (the SRMR's ingredients).</summary>
    public Matrix<double> ResidualCorrelations()
    {
        int p = SampleCovariance.RowCount;
        return Matrix<double>.Build.Dense(p, p, (i, j) =>
            SampleCovariance[i, j] / Math.Sqrt(SampleCovariance[i, i] * SampleCovariance[j, j])
            - ImpliedCovariance[i, j] / Math.Sqrt(ImpliedCovariance[i, i] * ImpliedCovariance[j, j]));
    }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CausalJsonContext.Default.SemFit;

    /// <summary>The summary in the layout of lavaan's <c>summary(fit, fit.measures = TRUE)</c>.</summary>
    public override SummaryTable Summary()
    {
        var f = FitMeasures;
        bool robust = Estimation != SemEstimation.Ml;
        string test = Estimation == SemEstimation.Mlm ? "Satorra-Bentler" : "Yuan-Bentler";
        var s = new SummaryTable($"Structural equation model ({Estimation.ToString().ToUpperInvariant()})")
            .AddHeader("Estimator", Estimation switch
            {
                SemEstimation.Mlm => "MLM (ML estimates, robust SEs, Satorra-Bentler scaled test)",
                SemEstimation.Mlr => "MLR (ML estimates, Huber-White SEs, Yuan-Bentler scaled test)",
                _ => "ML (normal likelihood, expected information)",
            })
            .AddHeader("Converged", Converged ? $"yes, after {Iterations} iterations" : $"NO ({Iterations} iterations)")
            .AddHeader("Number of model parameters", f.NPar)
            .AddHeader("Number of observations", NObs);
        if (Missing == SemMissing.Ml) s.AddHeader("Missing data", "full-information ML (observed-information SEs)");
        foreach (var g in Groups ?? [])
            s.AddHeader($"Observations in group {g.Group} [{g.Label}]", g.NObs);
        if (BootstrapDraws is int draws)
            s.AddHeader("Standard errors", $"bootstrap ({draws} successful replicates; 95% percentile intervals)");
        var fit = new Table("Model fit", "Measure", "Value")
            .AddRow("Chi-square (user model)", Cell.Num(f.Chisq, "F3"))
            .AddRow("Degrees of freedom", f.Df)
            .AddRow("P-value (chi-square)", Cell.PValue(f.PValue));
        foreach (var g in Groups ?? [])
            fit.AddRow($"Chi-square, group {g.Group} [{g.Label}]", Cell.Num(g.Chisq, "F3"));
        fit
            .AddRow("Chi-square (baseline)", Cell.Num(f.BaselineChisq, "F3"))
            .AddRow("Degrees of freedom (baseline)", f.BaselineDf)
            .AddRow("CFI", Cell.Num(f.Cfi, "F3"))
            .AddRow("TLI", Cell.Num(f.Tli, "F3"))
            .AddRow("Loglikelihood user model (H0)", Cell.Num(f.LogLikelihood, "F3"))
            .AddRow("Loglikelihood unrestricted model (H1)", Cell.Num(f.UnrestrictedLogLikelihood, "F3"))
            .AddRow("AIC", Cell.Num(f.Aic, "F3"))
            .AddRow("BIC", Cell.Num(f.Bic, "F3"))
            .AddRow("Sample-size adjusted BIC", Cell.Num(f.Sabic, "F3"))
            .AddRow("RMSEA", Cell.Num(f.Rmsea, "F3"))
            .AddRow("90 Percent CI - lower", Cell.Num(f.RmseaLower, "F3"))
            .AddRow("90 Percent CI - upper", Cell.Num(f.RmseaUpper, "F3"))
            .AddRow("P-value H_0: RMSEA <= 0.050", Cell.Num(f.RmseaPValue, "F3"))
            .AddRow("P-value H_0: RMSEA >= 0.080", Cell.Num(f.RmseaNotClosePValue, "F3"))
            .AddRow("SRMR", Cell.Num(f.Srmr, "F3"));
        if (robust)
            fit.AddRow($"Chi-square ({test} scaled)", Cell.Num(f.ChisqScaled ?? double.NaN, "F3"))
               .AddRow("Scaling correction factor", Cell.Num(f.ChisqScalingFactor ?? double.NaN, "F3"))
               .AddRow("P-value (scaled)", Cell.PValue(f.PValueScaled ?? double.NaN))
               .AddRow("Robust CFI", Cell.Num(f.CfiRobust ?? double.NaN, "F3"))
               .AddRow("Robust TLI", Cell.Num(f.TliRobust ?? double.NaN, "F3"))
               .AddRow("Robust RMSEA", Cell.Num(f.RmseaRobust ?? double.NaN, "F3"));
        s.AddTable(fit);
        var endogenous = new HashSet<string>(Estimates.Where(e => e.Op is "=~").Select(e => e.Rhs!).Concat(Estimates.Where(e => e.Op == "~").Select(e =>
            e.Lhs!)));
        // With several groups, lavaan's layout: every section per group ("Group 1 [Pasteur]:"), then the defined parameters.
        var sections = new (string, Func<ParameterEstimate, bool>)[]
        {
            ("Latent Variables", e => e.Op == "=~"), ("Regressions", e => e.Op == "~"),
            ("Covariances", e => e.Op == "~~" && e.Lhs != e.Rhs), ("Intercepts", e => e.Op == "~1"),
            ("Variances", e => e.Op == "~~" && e.Lhs == e.Rhs), ("Defined Parameters", e => e.Op == ":="),
        };
        var perGroup = (Groups ?? [null!]).SelectMany(g => sections.Where(x => g is null || x.Item1 != "Defined Parameters").Select(x =>
            (g is null ? x.Item1 : $"Group {g.Group} [{g.Label}]: {x.Item1}",
             (Func<ParameterEstimate, bool>)(e => x.Item2(e) && (g is null || e.Group == g.Group)))));
        if (Groups is not null) perGroup = perGroup.Append(sections[^1]);
        foreach (var (caption, pick) in perGroup)
        {
            var rows = Estimates.Where(pick).ToList();
            if (rows.Count == 0) continue;
            var t = new Table(caption, "Parameter", "Estimate", "Std.Err", "z-value", "P(>|z|)", "Std.all");
            foreach (var e in rows)
            {
                string label = e.Op switch
                {
                    "~~" when e.Lhs == e.Rhs => (endogenous.Contains(e.Lhs!) ? "." : "") + e.Lhs,
                    "~~" => $"{(endogenous.Contains(e.Lhs!) ? "." : "")}{e.Lhs} ~~ {(endogenous.Contains(e.Rhs!) ? "." : "")}{e.Rhs}",
                    "~1" => (endogenous.Contains(e.Lhs!) ? "." : "") + e.Lhs,
                    _ => $"{e.Lhs} {e.Op} {e.Rhs}",
                };
                if (e.Label is not null && e.Op != ":=") label += $" ({e.Label})";
                t.AddRow(label, Cell.Num(e.Estimate, "F3"), Cell.Num(e.StdError ?? double.NaN, "F3"), Cell.Num(e.Statistic ?? double.NaN, "F3"),
                         Cell.Num(e.PValue ?? double.NaN, "F3"), Cell.Num(e.StdAll ?? double.NaN, "F3"));
            }
            s.AddTable(t);
        }
        if (ModificationIndices is { Count: > 0 } mis)
        {
            const int Shown = 20;
            var t = new Table("Modification indices" + (mis.Count > Shown ? $" (largest {Shown} of {mis.Count})" : ""),
                              "Parameter", "MI", "EPC", "sepc.all");
            foreach (var m in mis.Take(Shown))
                t.AddRow(m.Op == "~1" ? $"{m.Lhs} ~ 1" : $"{m.Lhs} {m.Op} {m.Rhs}", Cell.Num(m.Mi, "F3"), Cell.Num(m.Epc, "F3"),
                    Cell.Num(m.SepcAll ?? double.NaN, "F3"));
            s.AddTable(t);
        }
        if (Missing == SemMissing.Ml)
            s.AddNote("Full-information ML: every row contributes the likelihood of its observed values; the chi-square is against the " +
                      "saturated model fitted by EM, whose moments are the sample moments shown.");
        else if (BootstrapDraws is not null)
            s.AddNote("Standard errors are the standard deviations of the bootstrap replicate estimates (case resampling, divisor B - 1); " +
                      "S uses divisor N (lavaan's likelihood = \"normal\").");
        else s.AddNote(robust ? "Robust (sandwich) standard errors from the expected information and the fourth moments of the data (Satorra-Bentler); " +
            "S uses divisor N."
                         : "Standard errors from the expected information; S uses divisor N (lavaan's likelihood = \"normal\").");
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

}
