#!/usr/bin/env -S dotnet run
#:project ../Econometrics.Core/Econometrics.Core.csproj
#:project ../Econometrics.Causal/Econometrics.Causal.csproj
#:property RuntimeIdentifier=linux-x64
#:property SelfContained=false

// Invariance across environments: which representations of the predictors keep the best linear predictor of Y
// unchanged across five environments, invariant causal prediction, anchor regression, and the PAC transfer
// experiment. Data: the research note's simulated SEM (data/invariance/README.md).
// Run from the repository root or from notebooks/:  dotnet run notebooks/05-invariance-across-environments.cs

using Econometrics.Causal.Invariance;
using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;

var root = Directory.GetCurrentDirectory();
while (!Directory.Exists(Path.Combine(root, "data", "invariance")))
    root = Path.GetDirectoryName(root) ?? throw new DirectoryNotFoundException("Run this notebook inside the repository.");
var dataDir = Path.Combine(root, "data", "invariance");
var outDir = Path.Combine(root, "notebooks", "out");
Directory.CreateDirectory(outDir);

// 1. The data: 5 environments x 300 rows; Y's parents are X1 and X2, X3 is a child of Y, X4 a non-descendant.
var data = Environments.Load(Path.Combine(dataDir, "invariance_sim.csv"), "Y", "env", ["X1", "X2", "X3", "X4"]);
Console.WriteLine($"{data.N} rows, {data.K} environments, predictors {string.Join(", ", data.Predictors)}\n");

// 2. Invariance reports: the parents, a rotation of them, a set missing a parent, and a set with a child.
var check = new InvarianceCheck { Tolerance = 0.2, Alpha = 0.05, BootstrapReplications = 199, Seed = 1 };
var representations = new[]
{
    Representation.Subset(data, ["X1", "X2"], "parents"),
    Representation.FromMatrix(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 1, 0, 0 }, { 1, -1, 0, 0 } }), data.Predictors, ["sum", "diff"], "rotated parents"),
    Representation.Subset(data, ["X1"], "missing parent"),
    Representation.Subset(data, ["X1", "X2", "X3"], "with child"),
};
foreach (var phi in representations)
{
    var report = check.Test(data, phi);
    Console.WriteLine(report);
    report.PlotCoefficients().SaveFigure(Path.Combine(outDir, $"05-coefficients-{phi.Name.Replace(' ', '-')}.png"));
}

// 3. Population truth from the SEM: the gaps are exactly zero for the parents and positive otherwise.
var sems = SemEnvironments.LoadSpecification(Path.Combine(dataDir, "invariance_sem_spec.json"));
var moments = sems.Select(s => s.Sem).ToArray();
foreach (var phi in representations)
    Console.WriteLine($"population gaps, {phi.Name,-16}: {PopulationInvariance.Gaps(moments, "Y", phi.Phi)}");
Console.WriteLine();

// 4. Invariant causal prediction with both tests.
foreach (var test in new[] { IcpTest.Normal, IcpTest.Exact })
{
    var icp = new InvariantCausalPrediction { Alpha = 0.05, Test = test }.Fit(data);
    Console.WriteLine(icp);
    if (test == IcpTest.Normal) icp.PlotIntervals().SaveFigure(Path.Combine(outDir, "05-icp-intervals.png"));
}

// 5. Anchor regression moves from pooled OLS (gamma = 1) towards the invariant solution as gamma grows.
foreach (var gamma in new[] { 0.0, 1.0, 2.0, 10.0, 100.0 })
    Console.WriteLine(new AnchorRegression { Gamma = gamma }.Fit(data));

// 6. PAC transfer: how many training interventions until approximate invariance carries over to unseen ones?
var pac = new PacTransferExperiment
{
    Base = sems[0].Sem, Target = "Y", Family = InterventionFamily.ExampleFamily(0.1),
    KnownInvariant = [["X1", "X2"], ["X1", "X2", "X4"]], RareChangeProbability = 0.1, Seed = 7,
}.Simulate();
Console.WriteLine(pac);
pac.PlotCurve().SaveFigure(Path.Combine(outDir, "05-pac-curve.png"));
Console.WriteLine($"Figures written to {outDir}");
return 0;
