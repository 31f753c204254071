using System.Globalization;
using Econometrics.Compositional;
using Econometrics.Reporting;

namespace Econometrics.Cli.ReportSections;

/// <summary>The compositional-data section: log-ratio partial correlations of the Roman glass cups (Erb 2020).</summary>
public sealed class CodaSection : IReportSection
{
    /// <inheritdoc/>
    public string Title => "Compositional data: partial correlations of Roman glass cups";

    /// <inheritdoc/>
    public void Write(ReportSection section, ReportContext context)
    {
        var cups = Composition.Load(context.DataFile("coda/roman_cups.csv"));
        section.AddParagraph(
            "Oxide composition (percent) of 47 Romano-British glass cups, 11 parts (Si, Al, Fe, Mg, Ca, Na, K, Ti, P, Mn, Sb). " +
            "Data: object 'cups' of the R package easyCODA (M. Greenacre, GPL), from Baxter, Beardah, Cool and Jackson (2005), " +
            "Mathematical Geology 37:183-196; see data/coda/README.md.");
        section.AddParagraph(
            "Only ratios between parts carry information, so ordinary correlations of percentages mislead. Erb (2020) shows that " +
            "partial correlations between parts are well defined and do not depend on a reference part: they come from the " +
            "Moore-Penrose inverse Omega of the clr covariance, rho_ij = -Omega_ij / sqrt(Omega_ii Omega_jj), and the partial " +
            "variance of a part is 1 / Omega_ii. Tests use t with n - D + 1 = 37 degrees of freedom (the conditioning set has " +
            "D - 3 log-ratio dimensions); p-values are adjusted by Benjamini-Hochberg over the 55 pairs.");
        var result = new PartialCorrelations().Estimate(cups);
        section.AddSummary(result.Summary());
        section.AddFigure("coda-cups-heatmap", "Log-ratio partial correlations of the cups, parts in complete-linkage order on 1 - rho.", result.PlotHeatmap());
        section.AddFigure("coda-cups-network", "Pairs whose BH-adjusted p-value is below 0.05; edge width grows with |rho|.", result.PlotNetwork());

        var shrunk = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage }.Estimate(cups);
        string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
        section.AddParagraph(
            $"Basis shrinkage (Jin, Notredame and Erb 2023), built for p > n, chooses lambda = {F(shrunk.Shrinkage!.Lambda)} here and " +
            $"moves Al-Fe from {F(result["Al", "Fe"])} to {F(shrunk["Al", "Fe"])} and Si-Fe from {F(result["Si", "Fe"])} to {F(shrunk["Si", "Fe"])}. " +
            $"The strongest partial association, Al-Fe, has a proportionality coefficient of only {F(result.Proportionality[1, 2])}: " +
            "the two oxides are linked once the other parts are held fixed, which pairwise measures cannot see.");
        var fdr = new PermutationFdr { Metric = PairwiseMetric.PartialCorrelation, Tails = FdrTails.Both, Permutations = 200, Seed = context.Seed }
            .Estimate(cups, cancellationToken: context.Cancellation);
        section.AddParagraph(
            "A permutation false discovery rate, as propr's updateCutoffs, shuffles every part independently 200 times (seed " +
            context.Seed.ToString(CultureInfo.InvariantCulture) + ") and compares how many permuted pairs exceed each cutoff on |rho| " +
            "with how many observed pairs do. " + (fdr.CutoffAt(0.05) is { } c05
                ? $"An estimated FDR of 5% is reached at |rho| > {F(c05)}."
                : $"No cutoff reaches an estimated FDR of 5%: the lowest estimate is {F(fdr.Rows.Where(r => double.IsFinite(r.Fdr)).Min(r => r.Fdr))}, " +
                  "so with 47 cups the partial correlations are suggestive rather than discoveries."));
        section.AddSummary(fdr.Summary());

        var biplot = new ClrPca { Scaling = BiplotScaling.Covariance }.Fit(cups);
        section.AddParagraph(
            $"The covariance biplot of the clr coordinates (Aitchison and Greenacre 2002) shows " +
                $"{F(100 * (biplot.ProportionOfVariance[0] + biplot.ProportionOfVariance[1]))}% " +
            "of the total log-ratio variance; a link between two part vertices approximates the standard deviation of their log-ratio, " +
            "so parts whose arrows end close together are nearly proportional.");
        section.AddFigure("coda-cups-biplot", "Covariance biplot of the cups' clr coordinates: samples as points, parts as arrows.", biplot.PlotBiplot());
        section.AddFigure("coda-cups-ternary", "Ternary diagram of the flux and former: Na, Ca, Si (closed within the three).", cups.PlotTernary("Na", "Ca",
            "Si"));
    }
}
