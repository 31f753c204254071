#:project ../Econometrics.Core/Econometrics.Core.csproj
#:property RuntimeIdentifier=linux-x64
// Growth mixtures of experts: heterogeneous nonlinear trajectories with gating and expert covariates
// (Liu and Perera, Psychological Methods 2023). Run from the repository root or from notebooks/:
//   dotnet run notebooks/04-growth-mixtures-of-experts.cs
using Econometrics.Mixtures;
using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;

var root = File.Exists("data/moe/moe_ref_sim.csv") ? "." : "..";
string Data(string f) => Path.Combine(root, "data", "moe", f);
var outDir = Path.Combine(root, "notebooks", "out");
Directory.CreateDirectory(outDir);

// 1. The synthetic reference set: 400 persons, 8 individually varying occasions, one gating covariate (gx) and one
//    expert covariate (ex). Two classes with knots 3.0 and 4.5 generated it.
var sim = GrowthData.Load(Data("moe_ref_sim.csv"), idColumn: "id", yPrefix: "Y", tPrefix: "T", gating: ["gx"], experts: ["ex"]);
Console.WriteLine($"{sim.N} persons, {sim.P} occasions; gating: {string.Join(", ", sim.GatingNames)}; experts: {string.Join(", ", sim.ExpertNames)}");

// 2. The log-likelihood at the generating parameters (OpenMx's likelihood: the expert covariate is modelled jointly).
static Matrix<double> Psi() => Matrix<double>.Build.DenseOfArray(new[,] { { 16, 1, .8 }, { 1, .64, .1 }, { .8, .1, .49 } });
static GrowthClassParameters Class(double[] alpha, double knot, double[] b) =>
    new(Vector<double>.Build.DenseOfArray(alpha), knot, Matrix<double>.Build.DenseOfColumnArrays(b), Psi(), 1.0,
        Vector<double>.Build.Dense(1), Matrix<double>.Build.Dense(1, 1, 1.0));
var truth = new MixtureParameters(
    [Class([100, -5, -2], 3.0, [1.5, 0.3, 0.2]), Class([90, -2, -4], 4.5, [2.0, 0.4, -0.2])],
    Matrix<double>.Build.DenseOfArray(new[,] { { 0.0, 0.0 }, { 0.2, 0.9 } }));
Console.WriteLine($"log-likelihood at the truth: joint {new GrowthMixture().LogLikelihood(sim, truth).LogLikelihood:F6}, " +
                  $"conditional {new GrowthMixture { Covariates = CovariateTreatment.Conditional }.LogLikelihood(sim, truth).LogLikelihood:F6}");

// 3. Fit the full mixture of experts: EM with a knot search per class from 20 seeded starts, then quasi-Newton.
var fit = new GrowthMixture { Classes = 2, Starts = 20, Seed = 2026 }.Fit(sim);
Console.WriteLine(fit);
fit.PlotTrajectories(sim).SaveFigure(Path.Combine(outDir, "moe-trajectories.png"));
fit.PlotPosteriors().SaveFigure(Path.Combine(outDir, "moe-posteriors.png"));
File.WriteAllText(Path.Combine(outDir, "moe-fit.json"), fit.ToJson());

// 4. How many classes? Enumerate without covariates (the nlpsem workflow), then read BIC.
var noCovariates = GrowthData.Load(Data("moe_ref_sim.csv"), "id", "Y", "T");
var enumeration = new ClassEnumeration { MaxClasses = 3, Model = new GrowthMixture { Starts = 6, StandardErrors = false } }.Fit(noCovariates);
Console.WriteLine(enumeration);
enumeration.PlotCriteria().SaveFigure(Path.Combine(outDir, "moe-enumeration.png"));

// 5. The authors' example (N = 500, 10 waves, 2 gating and 2 expert covariates): OpenMx and Mplus report
//    log-likelihood -11458.347 with 47 parameters.
var example = GrowthData.Load(Data("example_data.csv"), "id", "Y", "T", ["gx1", "gx2"], ["ex1", "ex2"]);
var exFit = new GrowthMixture { Classes = 2, Starts = 10 }.Fit(example);
Console.WriteLine($"authors' example: log-likelihood {exFit.LogLikelihood:F4}, {exFit.NParameters} parameters, " +
                  $"knots {exFit.Parameters.Classes[0].Knot:F3} / {exFit.Parameters.Classes[1].Knot:F3}, entropy {exFit.Entropy:F4}");

// 6. A small simulation study from the generating parameters (relative bias, empirical SE, coverage).
var study = new SimulationStudy
{
    Design = new GrowthMixtureDesign { Truth = truth, N = 500, Occasions = 8 },
    Replications = 4, Seed = 7, Model = new GrowthMixture { Starts = 4, FinalStarts = 2 },
}.Simulate();
Console.WriteLine(study);
return 0;
