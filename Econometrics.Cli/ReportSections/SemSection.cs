using Econometrics.Data;
using Econometrics.Reporting;
using Econometrics.Sem.Covariance;
using Econometrics.Sem.Fitting;
using Econometrics.Sem.Graphs;
using Econometrics.Sem.Identification;
using Econometrics.Sem.Relations;

namespace Econometrics.Cli.ReportSections;

/// <summary>The linear-SEM section: lavaan-grade fits of Bollen's political democracy model, the Holzinger-Swineford CFA, a
/// mediation model with bootstrap intervals and a growth model; the measurement-invariance sequence of the CFA across schools;
/// the one-connection covariance of a cyclic graph, identifiability by HTC and Jacobian rank, and the Verma constraint.</summary>
public sealed class SemSection : IReportSection
{
    private const int MediationReplicates = 1000;

    /// <inheritdoc/>
    public string Title => "Linear structural equation models on mixed graphs";

    /// <inheritdoc/>
    public void Write(ReportSection section, ReportContext context)
    {
        section.AddParagraph("Bollen's (1989) political democracy model, fitted by maximum likelihood with lavaan's conventions " +
                             "(normal likelihood, expected-information standard errors); the numbers match lavaan 0.6-14 to 1e-4. " +
                             "Data: lavaan's PoliticalDemocracy (data/sem/PoliticalDemocracy.csv).");
        var model = ExampleModels.PoliticalDemocracy;
        section.AddPreformatted(model);
        var fit = new SemEstimator(model) { Seed = context.Seed }.Fit(CsvFrame.Load(context.DataFile("sem/PoliticalDemocracy.csv")));
        section.AddReproduction("econ sem fit --model poldem.lav --data data/sem/PoliticalDemocracy.csv   # poldem.lav: the model text above");
        section.AddSummary(fit.Summary());
        section.AddFigure("sem-poldem-path", "Path diagram of the political democracy model with ML estimates (* fixed).", fit.PlotPathDiagram());
        section.AddFigure("sem-poldem-residuals", "Residual correlations of the political democracy model.", fit.PlotResidualCorrelations());

        var hs = new SemEstimator(ExampleModels.HolzingerSwineford) { Seed = context.Seed }
            .Fit(CsvFrame.Load(context.DataFile("sem/HolzingerSwineford1939.csv")));
        section.AddParagraph("Holzinger and Swineford's three-factor CFA (lavaan's HolzingerSwineford1939, data/sem/HolzingerSwineford1939.csv):");
        section.AddSummary(hs.Summary());

        // A mediation model with bootstrap standard errors and percentile intervals: the usual inference for an indirect effect,
        // whose sampling distribution is skewed.
        var mediationModel = File.ReadAllText(context.DataFile("sem/mediation.lav"));
        var mediation = new SemEstimator(mediationModel)
        {
            StandardErrors = SemStandardErrors.Bootstrap, BootstrapReplicates = MediationReplicates, Seed = context.Seed,
        }.Fit(CsvFrame.Load(context.DataFile("sem/mediation.csv")));
        var indirect = mediation.Get("indirect", ":=", "a*b");
        section.AddParagraph("A mediation model X -> M -> Y on simulated data (data/sem/mediation.csv) with the indirect effect a*b and the " +
                             $"total effect defined over the path labels; standard errors and 95% percentile intervals from {MediationReplicates} " +
                             "case-resampling bootstrap replicates (lavaan's se = \"bootstrap\"), the usual inference for an indirect effect. " +
                             FormattableString.Invariant($"The indirect effect is {indirect.Estimate:F3} with interval [{indirect.CiLower:F3}, ") +
                             FormattableString.Invariant($"{indirect.CiUpper:F3}]."));
        section.AddPreformatted(mediationModel.TrimEnd());
        section.AddReproduction("econ sem fit --model data/sem/mediation.lav --data data/sem/mediation.csv --se bootstrap --bootstrap " +
                                FormattableString.Invariant($"{MediationReplicates} --seed {context.Seed}"));
        section.AddSummary(mediation.Summary());

        var growthModel = File.ReadAllText(context.DataFile("sem/growth.lav"));
        var growth = new SemEstimator(growthModel) { Seed = context.Seed }.Fit(CsvFrame.Load(context.DataFile("sem/Demo.growth.csv")));
        section.AddParagraph("A latent growth model with time-invariant (x1, x2) and time-varying (c1-c4) covariates on lavaan's Demo.growth " +
                             "(data/sem/Demo.growth.csv): intercept and slope factors with fixed loadings and the mean structure of lavaan's " +
                             "growth() (outcome intercepts 0, factor intercepts free); the numbers match lavaan 0.6-14 to 1e-4.");
        section.AddPreformatted(growthModel.TrimEnd());
        section.AddReproduction("econ sem fit --model data/sem/growth.lav --data data/sem/Demo.growth.csv");
        section.AddSummary(growth.Summary());

        // The invariance sequence across the two schools, as semTools' measurementInvariance/compareFit users read it.
        var invariance = new MeasurementInvariance(new SemEstimator(ExampleModels.HolzingerSwineford) { Group = "school", Seed = context.Seed })
            .Test(CsvFrame.Load(context.DataFile("sem/HolzingerSwineford1939.csv")));
        section.AddParagraph("Measurement invariance of the same CFA across the two schools (Pasteur, Grant-White): the configural model, " +
                             "then loadings (metric), intercepts (scalar) and residual variances (strict) held equal, each tested against the " +
                             "previous one by the chi-square difference test with the changes in CFI and RMSEA; the numbers match lavaan " +
                             "0.6-14 and semTools to 1e-4. " + InvarianceVerdict(invariance));
        section.AddReproduction("econ sem fit --model data/sem/holzinger_swineford.lav --data data/sem/HolzingerSwineford1939.csv " +
                                "--group school --invariance");
        section.AddSummary(invariance.Summary());

        section.AddParagraph("A feedback loop: the 3-cycle 1 -> 2 -> 3 -> 1 with lambda = (1/2, 1/3, 1/4) and variances (1, 2, 3). " +
                             "The one-connection rule gives Sigma in closed form (numerators over det(I - Lambda)^2) and agrees with inversion.");
        var g2 = MixedGraph.FromIndices(3, [(1, 2), (2, 3), (3, 1)]);
        var cov = CovarianceResult.Compute(new LinearSem(g2, [0.5, 1.0 / 3, 0.25, 1, 2, 3]), "all", symbolic: true);
        section.AddSummary(cov.Summary());

        section.AddParagraph("Identifiability of example graphs: exact Jacobian rank modulo 2^31 - 1 and the half-trek criterion.");
        var examples = new (string Name, MixedGraph Graph)[]
        {
            ("2-cycle 1<->2 loop", MixedGraph.FromIndices(2, [(1, 2), (2, 1)])),
            ("3-cycle", g2),
            ("instrument 1->2->3, 2<->3", MixedGraph.FromIndices(3, [(1, 2), (2, 3)], [(2, 3)])),
            ("G4 4-node cyclic", MixedGraph.FromIndices(4, [(1, 2), (2, 3), (3, 4), (4, 2)], [(1, 3)])),
            ("Verma graph", MixedGraph.FromIndices(4, [(1, 2), (1, 3), (2, 3), (3, 4)], [(2, 4)])),
        };
        // The two HTC answers share one column, so that the table fits 100 columns.
        var t = new Table("Identifiability", "Graph", "Parameters", "Jacobian rank", "Finite-to-one", "Half-trek criterion");
        foreach (var (name, g) in examples)
        {
            var r = new SemIdentification { Seed = context.Seed }.Test(g);
            t.AddRow(name, r.ParameterCount, r.JacobianRank, r.GenericallyFiniteToOne ? "yes" : "no",
                r.HtcIdentifiable ? "identifiable" : r.HtcNonIdentifiable ? "not identifiable" : "inconclusive");
        }
        section.AddSummary(new SummaryTable("Identifiability of example mixed graphs").AddTable(t));

        var verma = new RelationSearch { MaxDegree = 4, Seed = context.Seed }.Estimate(examples[4].Graph);
        section.AddParagraph("The Verma graph has no conditional independence but one polynomial relation among its covariances, found by " +
                             "a modular null-space search blocked by multidegree and certified in exact rational arithmetic:");
        section.AddSummary(verma.Summary());
    }

    // The first step that fails, by the difference test at 5% or a CFI drop beyond 0.01 (Cheung and Rensvold 2002).
    private static string InvarianceVerdict(SemInvariance invariance)
    {
        var steps = invariance.Steps;
        for (int i = 1; i < steps.Count; i++)
        {
            var m = steps[i];
            if (m.PValueDiff < 0.05 || m.DeltaCfi < -0.01)
                return FormattableString.Invariant($"The {steps[i - 1].Model} model holds; the {m.Model} model does not (chi-square difference ") +
                       FormattableString.Invariant($"{m.ChisqDiff:F2} on {m.DfDiff} df, {PValueFormat.InText(m.PValueDiff ?? double.NaN)}, ") +
                       FormattableString.Invariant($"CFI change {m.DeltaCfi:F3}): ") + m.Model switch
                       {
                           "metric" => "the loadings differ across the groups, so the factors do not measure the same construct in each.",
                           "scalar" => "the intercepts differ across the groups, so the groups' factor means are not comparable.",
                           _ => "the residual variances differ across the groups (factor means remain comparable; sum scores are not).",
                       };
        }
        return "Every step holds: loadings, intercepts and residual variances are invariant across the groups.";
    }
}
