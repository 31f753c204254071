#:project ../Econometrics.Core/Econometrics.Core.csproj
#:property RuntimeIdentifier=linux-x64

// Compositional partial correlations (Erb 2020) on the Roman glass cups.
// Run from the repository root or from notebooks/:  dotnet run notebooks/03-compositional-partial-correlations.cs
using Econometrics;
using Econometrics.Compositional;
using Econometrics.Reporting;

var root = Directory.Exists("data") ? "." : "..";
var outDir = Path.Combine(root, "notebooks", "out");
Directory.CreateDirectory(outDir);

// 1. Load the cups: 47 samples x 11 oxides (percent). Rows need not sum to 100; log-ratios ignore row totals.
var cups = Composition.Load(Path.Combine(root, "data", "coda", "roman_cups.csv"));
Console.WriteLine(cups);

// 2. Pairwise log-ratio measures: the variation matrix is coherent; rho_p is propr's proportionality.
var variation = LogRatioMeasures.Variation(cups);
Console.WriteLine($"var(log(Al/Fe)) = {variation[1, 2]:F6}, total variance = {LogRatioMeasures.TotalVariance(cups):F6}");

// 3. Partial correlations from the clr pseudo-inverse; the alr route with any reference gives the same matrix.
var pcor = new PartialCorrelations().Estimate(cups);
Console.WriteLine(pcor);
var viaAlr = new PartialCorrelations { Route = PartialCorrelationRoute.AlrInverse, AlrReference = "Si" }.Estimate(cups);
Console.WriteLine($"max |clr route - alr(Si) route| = {(pcor.PartialCorrelation - viaAlr.PartialCorrelation).Enumerate().Max(Math.Abs):E2}");
Console.WriteLine(pcor.Test("Al", "Fe"));
var (lo, hi) = pcor.ConfidenceInterval("Al", "Fe");
Console.WriteLine($"Al-Fe: rho = {pcor["Al", "Fe"]:F4}, 95% Fisher-z interval ({lo:F4}, {hi:F4})");

// 4. Subcompositional incoherence: dropping parts changes what is partialled out.
var sub = new PartialCorrelations().Estimate(cups.Subcomposition("Si", "Al", "Fe", "Mg", "Ca", "Na", "K", "Ti"));
Console.WriteLine($"Fe-Ti: {pcor["Fe", "Ti"]:F6} with 11 parts, {sub["Fe", "Ti"]:F6} in the 8-part subcomposition");

// 5. Basis shrinkage (Jin, Notredame & Erb 2023) for p > n; here it regularises mildly.
var shrunk = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage }.Estimate(cups);
Console.WriteLine($"shrinkage lambda = {shrunk.Shrinkage!.Lambda:F6}, lambda.var = {shrunk.Shrinkage.LambdaVar:F6}; Al-Fe {shrunk["Al", "Fe"]:F6}");

// 6. Zeros: counts with zeros need a replacement before any log-ratio.
var counts = new double[,] { { 0, 5, 10, 20 }, { 3, 0, 7, 12 }, { 8, 2, 0, 30 }, { 1, 4, 6, 0 }, { 10, 12, 9, 4 } };
var replaced = Composition.From(counts, ["a", "b", "c", "d"], new BayesianMultiplicativeReplacement());
Console.WriteLine(replaced);

// 7. Figures.
pcor.PlotHeatmap().SaveFigure(Path.Combine(outDir, "03-cups-pcor-heatmap.png"), 800, 700);
pcor.PlotNetwork().SaveFigure(Path.Combine(outDir, "03-cups-pcor-network.png"), 700, 700);
cups.PlotTernary("Na", "Ca", "Si").SaveFigure(Path.Combine(outDir, "03-cups-ternary.png"), 700, 620);
Console.WriteLine($"Figures written to {Path.GetFullPath(outDir)}");
return 0;
