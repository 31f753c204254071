#!/usr/bin/env -S dotnet run
#:project ../Econometrics.Core/Econometrics.Core.csproj
#:property RuntimeIdentifier=linux-x64
#:property SelfContained=false
// Cross-sectional dependence in panels: Pesaran's CD and the LM family, Juodis-Reese CD_W / CD_W+, and
// Pesaran-Xie's bias-corrected CD*, on the residuals of the estimators that produce them.
// Run from the repository root or from notebooks/:  dotnet run notebooks/01-cross-sectional-dependence.cs
using Econometrics;
using Econometrics.Reporting;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Factors;
using Econometrics.Panel.Simulation;

var root = Directory.Exists("data") ? "." : "..";
var outDir = Path.Combine(root, "notebooks", "out");
Directory.CreateDirectory(outDir);

// 1. Grunfeld: within regression, then every test on its residuals (CD, LM, scaled LM, BFK match plm::pcdtest).
var grunfeld = PanelData.Load(Path.Combine(root, "data", "grunfeld.csv"), "firm", "year");
var fe = new PanelRegression("inv ~ value + capital", PanelModel.FixedEffects).Fit(grunfeld);
Console.WriteLine(fe);
var cd = new CrossSectionalDependence { Seed = 20260101 }.Test(fe);
Console.WriteLine(cd);
cd.PlotCorrelationHeatmap().SaveFigure(Path.Combine(outDir, "01-grunfeld-rho-heatmap.png"));
cd.PlotCorrelationHistogram().SaveFigure(Path.Combine(outDir, "01-grunfeld-rho-histogram.png"));

// 2. Pesaran's original residuals (unit-by-unit OLS) allow the Pesaran-Ullah-Yamagata LM_adj.
var unit = new PanelRegression("inv ~ value + capital", PanelModel.UnitOls).Fit(grunfeld);
var lmAdj = new CrossSectionalDependence { Tests = CdTests.CD | CdTests.LMAdj }.Test(unit);
Console.WriteLine($"Unit OLS residuals: CD = {lmAdj["CD"].Statistic:F4}, LM_adj = {lmAdj["LMAdj"].Statistic:F4} (p = {lmAdj["LMAdj"].PValue:G3})\n");

// 3. Produc with CCE mean group: CD on CCE residuals is biased; CD* works on the partial residuals y - x'b_i.
var produc = PanelData.Load(Path.Combine(root, "data", "cd", "produc.csv"), "state", "year");
var cce = new PanelRegression("log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp", PanelModel.CceMeanGroup).Fit(produc);
Console.WriteLine(cce);
var cdCce = new CrossSectionalDependence { Factors = FactorCount.Auto(FactorCriterion.ER) }.Test(cce);
Console.WriteLine(cdCce);
Console.WriteLine(cdCce.FactorSelection);
cdCce.PlotScree().SaveFigure(Path.Combine(outDir, "01-produc-scree.png"));

// 4. EmplUK is unbalanced: correlations over each pair's common years (masked GEMMs), as plm does.
var empl = PanelData.Load(Path.Combine(root, "data", "cd", "empluk.csv"), "firm", "year");
var within = new PanelRegression("log(emp) ~ log(wage) + log(capital)", PanelModel.FixedEffects).Fit(empl);
var cdEmpl = new CrossSectionalDependence { Tests = CdTests.CD | CdTests.LM | CdTests.ScaledLM | CdTests.BiasCorrectedScaledLM }.Test(within);
Console.WriteLine(cdEmpl);

// 5. Why CD* exists: under a strong one-factor null, CD on principal-components residuals over-rejects.
var study = new CdMonteCarlo { Grid = [(50, 50)], Replications = 100, Seed = 20260101 };
var mc = study.Simulate();
Console.WriteLine(mc);
File.WriteAllText(Path.Combine(outDir, "01-cd.md"), cd.ToMarkdown() + "\n" + cdCce.ToMarkdown() + "\n" + mc.ToMarkdown());
File.WriteAllText(Path.Combine(outDir, "01-cd.json"), cd.ToJson());

var cell = mc.Cells[0];
bool ok = Math.Abs(cd["CD"].Statistic - 4.6611924852) < 1e-8 && !cdEmpl.IsBalanced && cell.Rate("CD") > 0.5 && cell.Rate("CDStar") < 0.2;
Console.WriteLine(ok ? "All checks passed." : "A check failed.");
return ok ? 0 : 1;
