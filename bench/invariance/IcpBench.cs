using Econometrics.Sem.Graphs;
using System.Globalization;
using System.Text;
using Econometrics.Causal.Invariance;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Bench.Cases;

/// <summary>
/// ICP over 12 predictors (4096 sets), 5 environments, n = 5000, against R's InvariantCausalPrediction on the same
/// data. R's package is not on Debian (and needs glmnet and mboost to install), so R sources it: set ICP_R_SOURCE to a
/// folder holding ICP.R, getpval.R, pvalfunc.R and getblanketall.R from its CRAN source, or install the package.
/// Only the normal test is timed in R: R's exact test inverts an n_k x n_k matrix per environment and set (or
/// subsamples at random with maxNoObs), which is not comparable.
/// </summary>
public sealed class IcpBench : IBenchSuite
{
    private const string RSetup = """
        src <- Sys.getenv("ICP_R_SOURCE")
        if (requireNamespace("InvariantCausalPrediction", quietly = TRUE)) {
          ICP <- InvariantCausalPrediction::ICP
        } else if (nzchar(src)) {
          for (f in c("ICP", "getpval", "pvalfunc", "getblanketall")) source(file.path(src, paste0(f, ".R")))
        } else stop("InvariantCausalPrediction is not installed and ICP_R_SOURCE is not set")
        D <- read.csv("icp.csv"); X <- as.matrix(D[, paste0("X", 1:12)]); Y <- D$Y; E <- D$env
        """;

    public IEnumerable<BenchCase> Cases()
    {
        var data = Simulate();
        foreach (var test in new[] { IcpTest.Normal, IcpTest.Exact })
        {
            var icp = new InvariantCausalPrediction { Alpha = 0.05, Test = test };
            var name = test.ToString().ToLowerInvariant();
            yield return new BenchCase($"invariance/icp-{name}-12x5000", $"ICP {name} test, 12 predictors (4096 sets), 5 environments, n = 5000",
                () => icp.Fit(data))
            {
                BudgetMs = 2000,
                Repetitions = 3,
                Prepare = test == IcpTest.Normal ? dir => WriteCsv(dir, data) : null,
                RSetup = test == IcpTest.Normal ? RSetup : null,
                RBody = test == IcpTest.Normal
                    ? "ICP(X, Y, E, alpha = 0.05, test = 'normal', selection = 'all', showAcceptedSets = FALSE, showCompletion = FALSE)"
                    : null,
            };
        }
    }

    // Y's parents are X1-X3; X4-X6 are children of Y; X7-X12 are correlated bystanders. Environments shift
    // and rescale parents, children and bystanders, never Y's own equation.
    internal static Environments Simulate()
    {
        var names = Enumerable.Range(1, 12).Select(i => $"X{i}").Append("Y").ToArray();
        var b = Matrix<double>.Build.Dense(13, 13);
        b[12, 0] = 1.0; b[12, 1] = 0.5; b[12, 2] = -0.7;
        b[1, 0] = 0.6; b[3, 12] = 0.8; b[4, 12] = -0.5; b[4, 1] = 0.4; b[5, 12] = 0.3;
        for (int j = 6; j < 12; j++) b[j, j % 3] = 0.5;
        var sem = LinearSem.FromSupport(names, b.Transpose(), Matrix<double>.Build.DenseIdentity(13));
        var envs = new[]
        {
            sem,
            sem.Apply(new ShiftIntervention("X1", 1.5), new ShiftIntervention("X8", 1)),
            sem.Apply(new NoiseScaleIntervention("X2", 2), new ShiftIntervention("X4", 1)),
            sem.Apply(new EdgeWeightIntervention("X5", "Y", 0.4), new ShiftIntervention("X3", -1)),
            sem.Apply(new HardIntervention("X2", 1, 0.5), new NoiseScaleIntervention("X6", 2), new ShiftIntervention("X10", 2)),
        };
        return SemEnvironments.Simulate(envs, "Y", 1000, new Random(20260101));
    }

    private static void WriteCsv(string dir, Environments data)
    {
        var sb = new StringBuilder("env," + string.Join(",", data.Predictors) + ",Y\n");
        for (int k = 0; k < data.K; k++)
        {
            var x = data.PredictorsOf(k);
            var y = data.TargetOf(k);
            for (int i = 0; i < y.Length; i++)
                sb.Append(data.Names[k]).Append(',')
                  .Append(string.Join(",", x.Row(i).Select(v => v.ToString("R", CultureInfo.InvariantCulture))))
                  .Append(',').Append(y[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        File.WriteAllText(Path.Combine(dir, "icp.csv"), sb.ToString());
    }
}
