using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Simulation;
using Econometrics.Reporting;

namespace Econometrics.Cli.ReportSections;

/// <summary>Cross-sectional dependence: the CD family on Grunfeld and Produc, and a simulation of CD's bias after factor removal.</summary>
public sealed class CdSection : IReportSection
{
    /// <inheritdoc/>
    public string Title => "Cross-sectional dependence";

    /// <inheritdoc/>
    public void Write(ReportSection section, ReportContext context)
    {
        var options = new CrossSectionalDependence { Seed = context.Seed };

        var grunfeld = PanelData.Load(context.DataFile("grunfeld.csv"), "firm", "year");
        var fe = new PanelRegression("inv ~ value + capital", PanelModel.FixedEffects).Fit(grunfeld);
        var cdFe = options.Test(fe);
        section.AddParagraph("Grunfeld investment panel, within (fixed-effects) regression of investment on market value and capital. " +
            "CD, LM, scaled LM and the bias-corrected scaled LM equal plm::pcdtest to 1e-8 (the test suite checks this). " +
            "CD_W uses 30 Rademacher draws seeded by the report's seed; CD* removes the number of factors chosen by the Ahn-Horenstein ER criterion.");
        section.AddReproduction($"econ cd --data data/grunfeld.csv --entity firm --time year --formula \"inv ~ value + capital\" --model fe --seed " +
            $"{context.Seed}");
        section.AddSummary(fe.Summary());
        section.AddSummary(cdFe.Summary());
        section.AddFigure("cd-grunfeld-heatmap", "Pairwise correlations of the within residuals, firms ordered by their first-factor loading.",
            cdFe.PlotCorrelationHeatmap());
        section.AddFigure("cd-grunfeld-histogram", "sqrt(T) rho_ij over the 45 firm pairs against the N(0,1) density expected under independence.",
            cdFe.PlotCorrelationHistogram());

        var produc = PanelData.Load(context.DataFile("cd/produc.csv"), "state", "year");
        const string formula = "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp";
        var cce = new PanelRegression(formula, PanelModel.CceMeanGroup).Fit(produc);
        var cdCce = options.Test(cce);
        section.AddParagraph("Produc (48 US states, 1970-1986), CCE mean-group regression of log gross state product. " +
            "The CCE residuals have had the cross-section averages projected out, so CD is biased on them (Juodis and Reese 2022); " +
            "CD* is computed on the partial residuals y - x'b_i, which keep the factor part, as Pesaran and Xie require.");
        section.AddReproduction($"econ cd --data data/cd/produc.csv --entity state --time year --formula \"{formula}\" --model ccemg --seed {context.Seed}");
        section.AddSummary(cce.Summary());
        section.AddSummary(cdCce.Summary());
        if (cdCce.FactorSelection is { } sel)
            section.AddFigure("cd-produc-scree", $"Scree of the partial residuals; {sel.Criterion} chooses {sel.Selected} factor(s).", sel.PlotScree());

        context.Progress.WriteLine("[report] cross-sectional dependence: simulating a strong one-factor null ...");
        var study = new CdMonteCarlo { Grid = [(50, 50), (100, 50)], Replications = 200, Seed = context.Seed };
        var mc = study.Simulate(cancellation: context.Cancellation);
        section.AddParagraph("Simulation under the null of independent errors in a strong one-factor model (loadings U(0,2), " +
            "heteroskedastic Gaussian errors; CD, CD_W and CD_W+ on the principal-components residuals with one factor, CD* with its own PCA). " +
            "CD rejects almost always although the errors are independent; CD*, CD_W and CD_W+ stay near the nominal 5%. " +
            "The full study (`econ cd-mc`, 500 replications at N = T = 100) is in the Monte Carlo acceptance tests.");
        section.AddReproduction($"econ cd-mc --n 50,100 --t 50,50 --reps 200 --seed {context.Seed}");
        section.AddSummary(mc.Summary());
        section.AddFigure("cd-mc-rejections", "Rejection rates of the CD family under a strong-factor null, with the nominal level and its Monte Carlo band.",
            mc.PlotRejectionRates());
    }
}
