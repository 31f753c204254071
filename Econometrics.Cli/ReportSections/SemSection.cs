using Econometrics.Data;
using Econometrics.Reporting;
using Econometrics.Sem.Covariance;
using Econometrics.Sem.Fitting;
using Econometrics.Sem.Graphs;
using Econometrics.Sem.Identification;
using Econometrics.Sem.Relations;

namespace Econometrics.Cli.ReportSections;

/// <summary>The linear-SEM section: a lavaan-grade fit of Bollen's political democracy model, the one-connection
/// covariance of a cyclic graph, identifiability by HTC and Jacobian rank, and the Verma constraint.</summary>
public sealed class SemSection : IReportSection
{
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

        var hs = new SemEstimator("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9") { Seed = context.Seed }
            .Fit(CsvFrame.Load(context.DataFile("sem/HolzingerSwineford1939.csv")));
        section.AddParagraph("Holzinger and Swineford's three-factor CFA (lavaan's HolzingerSwineford1939, data/sem/HolzingerSwineford1939.csv):");
        section.AddSummary(hs.Summary());

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
}
