using Econometrics.Causal.Invariance;
using Econometrics.Reporting;

namespace Econometrics.Cli.ReportSections;

/// <summary>The invariance section: which representations of the predictors stay invariant across the shipped five environments, ICP, and PAC
/// transfer.</summary>
public sealed class InvarianceSection : IReportSection
{
    /// <inheritdoc/>
    public string Title => "Invariance across environments";

    /// <inheritdoc/>
    public void Write(ReportSection section, ReportContext context)
    {
        var data = Environments.Load(context.DataFile("invariance/invariance_sim.csv"), "Y", "env", ["X1", "X2", "X3", "X4"]);
        section.AddParagraph("Simulated linear SEM with five environments of 300 rows (observational, a shift of X1, a variance change " +
            "of X2, a changed weight of the edge Y -> X3, and do(X2) with shifts of X3 and X4). Y's parents are X1 and X2; X3 is a " +
            "child of Y and X4 a non-descendant. See data/invariance/README.md.");
        section.AddReproduction($"econ invariance --data data/invariance/invariance_sim.csv --target Y --env env --predictors X1,X2,X3,X4 --subset " +
            $"X1,X2 --alpha 0.05 --tolerance 0.2 --bootstrap 199 --icp --seed {context.Seed}");
        var check = new InvarianceCheck { Alpha = 0.05, Tolerance = 0.2, BootstrapReplications = 199, Seed = context.Seed };
        foreach (var (subset, name) in new[] { (new[] { "X1", "X2" }, "parents"), (new[] { "X1" }, "missing-parent") })
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var report = check.Test(data, Representation.Subset(data, subset), cancellationToken: context.Cancellation);
            section.AddSummary(report.Summary());
            section.AddFigure($"invariance-coefficients-{name}", $"Per-environment coefficients of Y on {{{string.Join(",", subset)}}} with 95% intervals.",
                report.PlotCoefficients());
        }
        var icp = new InvariantCausalPrediction { Alpha = 0.05 }.Fit(data, cancellationToken: context.Cancellation);
        section.AddParagraph("Invariant causal prediction over all 16 subsets recovers the parents {X1, X2}; p-values use survival " +
            "functions, so X1's tiny p-value is not the underflow artefact R's package reports.");
        section.AddSummary(icp.Summary());
        section.AddFigure("icp-intervals", "ICP confidence intervals (union over accepted sets); blue: estimated causal predictors.", icp.PlotIntervals());

        var binary = Environments.Load(context.DataFile("invariance/icp_binary_sim.csv"), "Y", "env", ["X1", "X2", "X3", "X4"]);
        var binaryIcp = new InvariantCausalPrediction { Alpha = 0.05 }.Fit(binary, cancellationToken: context.Cancellation);
        section.AddParagraph("A two-class target switches ICP to logistic regression, as R's InvariantCausalPrediction does: each set's " +
            "pooled logistic fit leaves response residuals y - p-hat, and a Welch t-test compares them inside each environment with " +
            "the rest. On a simulation where X1 and X2 drive Y and Y drives X3, the accepted sets intersect in {" +
            string.Join(", ", binaryIcp.CausalPredictors) + "}.");
        section.AddSummary(binaryIcp.Summary());

        var hiddenData = Environments.Load(context.DataFile("invariance/icp_hidden_sim.csv"), "Y", "env", ["X1", "X2", "X3"]);
        var hidden = new HiddenInvariantCausalPrediction().Fit(hiddenData);
        section.AddParagraph("With a hidden variable confounding X2 and Y, regression-based ICP has no invariant set to find. hiddenICP " +
            "(Rothenhausler, Buhlmann and Meinshausen 2019) instead uses that shift interventions on the predictors leave the " +
            "second-moment contrasts DS b = D rho between environments satisfied by the causal coefficients b; here it finds " +
            (hidden.CausalPredictors.Count == 0 ? "no significant effect" : "{" + string.Join(", ", hidden.CausalPredictors) + "}") +
            ", the only parent of Y.");
        section.AddSummary(hidden.Summary());

        var sem = SemEnvironments.LoadSpecification(context.DataFile("invariance/invariance_sem_spec.json"))[0].Sem;
        var pac = new PacTransferExperiment
        {
            Base = sem, Target = "Y", Family = InterventionFamily.ExampleFamily(0.1), KnownInvariant = [["X1", "X2"], ["X1", "X2", "X4"]],
            RareChangeProbability = 0.1, Seed = context.Seed,
        }.Simulate(cancellationToken: context.Cancellation);
        section.AddParagraph("PAC transfer: a subset that is approximately invariant on m training interventions fails on unseen ones " +
            "exactly when no training environment changed the rare Y -> X3 mechanism, so the failure probability follows (1 - q)^m; " +
            "the finite-class PAC bound is conservative.");
        section.AddSummary(pac.Summary());
        section.AddFigure("pac-curve", "Estimated PAC failure probability against the number of training environments, with the analytic curve.",
            pac.PlotCurve());
    }
}
