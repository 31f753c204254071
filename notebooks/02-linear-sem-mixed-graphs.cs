#!/usr/bin/env -S dotnet run
#:project ../Econometrics.Core/Econometrics.Core.csproj
#:project ../Econometrics.Causal/Econometrics.Causal.csproj
#:property RuntimeIdentifier=linux-x64
#:property SelfContained=false
// Linear SEMs on mixed graphs: covariance by the one-connection rule, identifiability, polynomial relations,
// and a lavaan-grade ML fit. Run from the repository root or notebooks/:  dotnet run notebooks/02-linear-sem-mixed-graphs.cs
using Econometrics.Data;
using Econometrics.Reporting;
using Econometrics.Sem.Algebra;
using Econometrics.Sem.Covariance;
using Econometrics.Sem.Fitting;
using Econometrics.Sem.Graphs;
using Econometrics.Sem.Identification;
using Econometrics.Sem.Relations;

var root = Directory.Exists("data") ? "." : "..";
var outDir = Path.Combine(root, "notebooks", "out");
int failures = 0;
void Check(bool ok, string what) { if (!ok) { failures++; Console.WriteLine("CHECK FAILED: " + what); } }

// 1. A feedback loop with a correlated error: 1 -> 2 -> 3 -> 2 and 1 <-> 3 (the research note's G3).
//    theta is laid out as lambdas (edge order), variances, then bidirected covariances.
var g3 = MixedGraph.FromIndices(3, [(1, 2), (2, 3), (3, 2)], [(1, 3)]);
Console.WriteLine("parameters: " + string.Join(", ", g3.ParameterNames()));
var sem = new LinearSem(g3, [0.5, 1.0 / 3, 0.25, 1, 2, 3, 0.2]);
var cov = CovarianceResult.Compute(sem, "all", symbolic: true);
Console.WriteLine(cov);
Check(cov.MaxDifference < 1e-12, "one-connection agrees with inversion");

// 2. The same in exact rational arithmetic: Sigma = [[1, 3/5, 2/5], [3/5, 1791/605, 1158/605], [2/5, 1158/605, 2388/605]].
Rational[] exact = new[] { "1/2", "1/3", "1/4", "1", "2", "3", "1/5" }.Select(Rational.Parse).ToArray();
var sigma = ImpliedCovariance.ByOneConnectionExact(g3, exact);
Console.WriteLine($"exact s22 = {sigma[1, 1]}, s23 = {sigma[1, 2]}, s33 = {sigma[2, 2]}");
Check(sigma[1, 1] == Rational.Parse("1791/605") && sigma[1, 2] == ImpliedCovariance.ByInversionExact(g3, exact)[1, 2], "exact rational Sigma");
Console.WriteLine(ImpliedCovariance.Symbolic(g3).ToLatex());
Console.WriteLine();

// 3. Identifiability: G3 has 7 parameters for 6 covariances; dropping 1 <-> 3 makes it HTC-identifiable.
var idG3 = new SemIdentification().Test(g3);
var idG3p = new SemIdentification().Test(MixedGraph.FromIndices(3, [(1, 2), (2, 3), (3, 2)]));
Console.WriteLine(idG3);
Console.WriteLine(idG3p);
Check(idG3.HtcNonIdentifiable && idG3p.HtcIdentifiable, "HTC verdicts");

// 4. The Verma constraint: a degree-4 relation among the covariances of 1->2, 1->3, 2->3, 3->4, 2<->4.
var verma = MixedGraph.FromIndices(4, [(1, 2), (1, 3), (2, 3), (3, 4)], [(2, 4)]);
var relations = new RelationSearch { MaxDegree = 4 }.Search(verma);
Console.WriteLine(relations);
Check(relations.Relations.Count == 1 && relations.Relations[0].Degree == 4 && relations.Relations[0].Certified, "Verma constraint");

// 5. Bollen's political democracy model, fitted like lavaan's sem().
var model = ExampleModels.PoliticalDemocracy;
Console.WriteLine(model);
var fit = new SemEstimator(model).Fit(CsvFrame.Load(Path.Combine(root, "data", "sem", "PoliticalDemocracy.csv")));
Console.WriteLine(fit);
Check(Math.Abs(fit.FitMeasures.Chisq - 38.1252182280584) < 1e-4, "chi-square as lavaan 0.6-14");
fit.PlotPathDiagram().SaveFigure(Path.Combine(outDir, "02-poldem-path.png"), 1000, 600);
fit.PlotResidualCorrelations().SaveFigure(Path.Combine(outDir, "02-poldem-residuals.png"), 700, 600);
sem.PlotPathDiagram().SaveFigure(Path.Combine(outDir, "02-g3-path.png"), 600, 500);
File.WriteAllText(Path.Combine(outDir, "02-poldem.md"), fit.ToMarkdown());
Console.WriteLine($"Wrote figures to {outDir}");
return failures == 0 ? 0 : 1;
