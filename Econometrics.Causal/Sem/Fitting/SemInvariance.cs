using Econometrics.Causal;
using Econometrics.Inference;
using Econometrics.Reporting;
using System.Text.Json.Serialization;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// A measurement-invariance sequence across groups (Meredith 1993; Vandenberg and Lance 2000): the configural model, then
/// equal loadings (metric), equal loadings and intercepts (scalar) and equal residual variances too (strict), each tested
/// against the previous by the likelihood-ratio (chi-square difference) test, with the changes in CFI and RMSEA as
/// lavaan's lavTestLRT and semTools' compareFit report them.
/// </summary>
public sealed record SemInvariance : Result
{
    internal SemInvariance(IReadOnlyList<SemInvarianceStep> steps, IReadOnlyList<SemFit> fits, IReadOnlyList<SemGroup> groups, int nobs)
    {
        Steps = steps; Fits = fits; Groups = groups.Select(g => new SemInvarianceGroup(g.Group, g.Label, g.NObs)).ToArray(); NObs = nobs;
        Diagnostics = fits.SelectMany((f, i) => f.Diagnostics.Select(d => d with { Message = $"{steps[i].Model}: {d.Message}" })).ToArray();
    }

    /// <summary>The models in order, each with its fit and the tests against the previous one.</summary>
    public IReadOnlyList<SemInvarianceStep> Steps { get; }

    /// <summary>The fitted models, in the order of <see cref="Steps"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<SemFit> Fits { get; }

    /// <summary>The groups (number, label, size).</summary>
    public IReadOnlyList<SemInvarianceGroup> Groups { get; }

    /// <summary>The total sample size.</summary>
    [JsonPropertyName("nobs")]
    public int NObs { get; }

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CausalJsonContext.Default.SemInvariance;

    /// <summary>The fit of each model and the tests between consecutive models.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable("Measurement invariance across groups (ML)")
            .AddHeader("Groups", string.Join(", ", Groups.Select(g => $"{g.Group} [{g.Label}] N = {g.NObs}")))
            .AddHeader("Number of observations", NObs);
        var fit = new Table("Model fit", "Model", "Chisq", "Df", "P(>Chisq)", "CFI", "TLI", "RMSEA", "SRMR", "AIC", "BIC");
        foreach (var m in Steps)
            fit.AddRow(m.Model, Cell.Num(m.Chisq, "F3"), m.Df, Cell.PValue(m.PValue), Cell.Num(m.Cfi, "F3"), Cell.Num(m.Tli, "F3"),
                Cell.Num(m.Rmsea, "F3"), Cell.Num(m.Srmr, "F3"), Cell.Num(m.Aic, "F1"), Cell.Num(m.Bic, "F1"));
        s.AddTable(fit);
        var diff = new Table("Chi-square difference tests and changes in fit", "Comparison", "Chisq diff", "Df diff", "P(>Chisq)", "RMSEA(D)",
            "Delta CFI", "Delta RMSEA");
        for (int i = 1; i < Steps.Count; i++)
        {
            var m = Steps[i];
            diff.AddRow($"{m.Model} - {Steps[i - 1].Model}", Cell.Num(m.ChisqDiff ?? double.NaN, "F3"), m.DfDiff ?? 0,
                Cell.PValue(m.PValueDiff ?? double.NaN), Cell.Num(m.RmseaDiff ?? double.NaN, "F3"), Cell.Num(m.DeltaCfi ?? double.NaN, "F3"),
                Cell.Num(m.DeltaRmsea ?? double.NaN, "F3"));
        }
        s.AddTable(diff);
        s.AddNote("Each model adds group.equal levels to the previous: metric = loadings, scalar = + intercepts, strict = + residuals. " +
                  "The difference test is the likelihood-ratio test of the nested models (lavaan's lavTestLRT); a CFI drop larger than 0.01 " +
                  "is the conventional flag of non-invariance (Cheung and Rensvold 2002).");
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

    // The tests between consecutive fits.
    internal static SemInvariance Of(IReadOnlyList<(string Model, string[] Equal, SemFit Fit)> fits)
    {
        var steps = new List<SemInvarianceStep>();
        int n = fits[0].Fit.NObs, ng = fits[0].Fit.Groups?.Count ?? 1;
        for (int i = 0; i < fits.Count; i++)
        {
            var f = fits[i].Fit.FitMeasures;
            var step = new SemInvarianceStep(fits[i].Model, fits[i].Equal, f.Chisq, f.Df, f.PValue, f.Cfi, f.Tli, f.Rmsea, f.Srmr, f.Aic, f.Bic);
            if (i > 0)
            {
                var prev = fits[i - 1].Fit.FitMeasures;
                double dt = f.Chisq - prev.Chisq;
                int ddf = f.Df - prev.Df;
                step = step with
                {
                    ChisqDiff = dt,
                    DfDiff = ddf,
                    PValueDiff = ddf > 0 ? ReferenceDistribution.ChiSquared(ddf).Survival(Math.Max(dt, 0)) : double.NaN,
                    RmseaDiff = ddf > 0 ? Math.Sqrt(Math.Max(0, (dt - ddf) / ((double)n * ddf))) * Math.Sqrt(ng) : double.NaN,
                    DeltaCfi = f.Cfi - prev.Cfi,
                    DeltaRmsea = f.Rmsea - prev.Rmsea,
                };
            }
            steps.Add(step);
        }
        return new SemInvariance(steps, fits.Select(f => f.Fit).ToArray(), fits[0].Fit.Groups ?? [], n);
    }
}

/// <summary>One group of an invariance sequence.</summary>
/// <param name="Group">The group number (1-based, order of first appearance).</param>
/// <param name="Label">Its value in the grouping column.</param>
/// <param name="NObs">Its number of complete cases.</param>
public sealed record SemInvarianceGroup(int Group, string Label, [property: JsonPropertyName("nobs")] int NObs);
