using System.Globalization;
using System.Text;
using Econometrics.Data;
using MathNet.Numerics.LinearAlgebra;
using Econometrics.Sem.Covariance;
using Econometrics.Sem.Fitting;
using Econometrics.Sem.Graphs;

namespace Econometrics.Bench.Cases;

/// <summary>Linear SEMs: the PoliticalDemocracy ML fit against lavaan, and the numeric one-connection covariance of a
/// 30-node sparse cyclic graph against plain inversion.</summary>
public sealed class SemBench : IBenchSuite
{
    private const string PolDemModel = ExampleModels.PoliticalDemocracy; // the same model lavaan fits in poldem_lavaan.R

    public IEnumerable<BenchCase> Cases()
    {
        var data = CsvFrame.Load(FindData("sem/PoliticalDemocracy.csv"));
        var estimator = new SemEstimator(PolDemModel);
        string script = Path.Combine(AppContext.BaseDirectory, "scripts", "sem", "poldem_lavaan.R").Replace("\\", "/");
        yield return new BenchCase("sem/poldem-fit", "PoliticalDemocracy SEM (11 observed, 3 latent, 31 parameters), ML fit with SEs and fit measures",
            () => estimator.Fit(data))
        {
            OursLabel = "SemEstimator.Fit",
            RSetup = $"source('{script}')",
            RBody = "fit_once()",
            Repetitions = 20,
        };

        var hs = CsvFrame.Load(FindData("sem/HolzingerSwineford1939.csv"));
        var mlr = new SemEstimator(ExampleModels.HolzingerSwineford) { Estimation = SemEstimation.Mlr };
        string mlrScript = Path.Combine(AppContext.BaseDirectory, "scripts", "sem", "hs_mlr_lavaan.R").Replace("\\", "/");
        yield return new BenchCase("sem/hs-mlr-fit", "Holzinger-Swineford CFA (9 observed, 3 latent, N = 301), MLR: Huber-White SEs, " +
            "Yuan-Bentler scaled test and robust fit indices", () => mlr.Fit(hs))
        {
            OursLabel = "SemEstimator.Fit (MLR)",
            RSetup = $"source('{mlrScript}')",
            RBody = "fit_once()",
            Repetitions = 20,
        };

        string hs3Csv = SimulateThreeGroups(200, seed: 20260101);
        string hs3Path = Path.Combine(Path.GetTempPath(), $"econ-bench-hs3-{Environment.ProcessId}.csv");
        File.WriteAllText(hs3Path, hs3Csv);
        var hs3 = CsvFrame.Load(hs3Path);
        File.Delete(hs3Path);
        var scalar = new SemEstimator(ExampleModels.HolzingerSwineford) { Group = "g", GroupEqual = ["loadings", "intercepts"] };
        string hs3Script = Path.Combine(AppContext.BaseDirectory, "scripts", "sem", "hs3_lavaan.R").Replace("\\", "/");
        yield return new BenchCase("sem/hs-3group-scalar-fit", "three-factor CFA (9 observed) in 3 groups of 200 (simulated), equal loadings " +
            "and intercepts: ML fit with SEs and fit measures", () => scalar.Fit(hs3))
        {
            OursLabel = "SemEstimator.Fit (group.equal)",
            Prepare = dir => File.WriteAllText(Path.Combine(dir, "hs3.csv"), hs3Csv),
            RSetup = $"source('{hs3Script}')",
            RBody = "fit_once()",
            Repetitions = 20,
        };

        var sem = SparseCyclic(30, seed: 5);
        yield return new BenchCase("sem/one-connection-30", "Sigma of a 30-node sparse cyclic mixed graph (36 directed, 6 bidirected edges)",
            () => ImpliedCovariance.ByOneConnection(sem))
        {
            OursLabel = "one-connection rule",
            Baseline = () => ImpliedCovariance.ByInversion(sem),
            BaselineLabel = "LU inversion",
            Repetitions = 50,
        };
    }

    /// <summary>
    /// Three groups of <paramref name="n"/> cases from the Holzinger-Swineford three-factor CFA with parameters near lavaan's
    /// estimates: loadings and intercepts equal across groups (scalar invariance holds), latent means and (co)variances not.
    /// </summary>
    internal static string SimulateThreeGroups(int n, int seed)
    {
        var rng = new Random(seed);
        double[] loading = [1, 0.55, 0.73, 1, 1.1, 0.92, 1, 1.18, 1.08];
        double[] intercept = [4.9, 6.1, 2.2, 3.0, 4.3, 2.0, 4.2, 5.5, 5.4];
        double[] residual = [0.55, 1.1, 0.8, 0.37, 0.45, 0.36, 0.8, 0.49, 0.57];
        double[][] means = [[0, 0, 0], [-0.15, 0.55, -0.2], [0.1, 0.3, 0.2]];
        double[] scale = [1, 0.9, 1.2];
        var phi = Matrix<double>.Build.DenseOfArray(new[,] { { 0.8, 0.38, 0.16 }, { 0.38, 0.9, 0.14 }, { 0.16, 0.14, 0.35 } });
        var columns = Enumerable.Range(0, 9).Select(_ => new List<double>()).ToArray();
        var groups = new List<string>();
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        for (int g = 0; g < 3; g++)
        {
            var chol = (phi * scale[g]).Cholesky().Factor;
            for (int i = 0; i < n; i++)
            {
                var z = Vector<double>.Build.Dense(3, _ => Normal());
                var f = chol * z;
                for (int v = 0; v < 9; v++)
                    columns[v].Add(intercept[v] + loading[v] * (means[g][v / 3] + f[v / 3]) + Math.Sqrt(residual[v]) * Normal());
                groups.Add($"school{g + 1}");
            }
        }
        var sb = new StringBuilder(string.Join(",", Enumerable.Range(1, 9).Select(v => $"x{v}")) + ",g\n");
        for (int r = 0; r < groups.Count; r++)
            sb.Append(string.Join(",", columns.Select(c => c[r].ToString("R", CultureInfo.InvariantCulture)))).Append(',').Append(groups[r]).Append('\n');
        return sb.ToString();
    }

    /// <summary>A chain 1 -&gt; ... -&gt; n with a few short feedback edges (disjoint 3-cycles) and bidirected edges.</summary>
    internal static LinearSem SparseCyclic(int n, int seed)
    {
        var rng = new Random(seed);
        var d = new List<(int, int)>();
        for (int i = 1; i < n; i++) d.Add((i, i + 1));
        for (int i = 3; i <= n; i += 4) d.Add((i, i - 2));           // 3-cycles i-2 -> i-1 -> i -> i-2
        var b = new List<(int, int)>();
        for (int i = 1; i + 5 <= n; i += 5) b.Add((i, i + 5));
        var g = MixedGraph.FromIndices(n, d, b);
        var theta = new double[g.ParameterCount];
        for (int e = 0; e < g.Directed.Count; e++) theta[e] = 0.2 + 0.5 * rng.NextDouble();
        for (int v = 0; v < n; v++) theta[g.Directed.Count + v] = 1 + rng.NextDouble();
        for (int k = 0; k < g.Bidirected.Count; k++) theta[g.Directed.Count + n + k] = 0.1 + 0.2 * rng.NextDouble();
        return new LinearSem(g, theta);
    }

    private static string FindData(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "data", relative);
            if (File.Exists(path)) return path;
        }
        var cwd = Path.Combine("data", relative);
        return File.Exists(cwd) ? cwd : throw new FileNotFoundException($"Shipped data file data/{relative} not found above {AppContext.BaseDirectory}.");
    }
}
