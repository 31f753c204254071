using System.Globalization;
using Econometrics.Panel.Estimators;

namespace Econometrics.Bench.Cases;

/// <summary>
/// Panel estimation against plm: one-way fixed effects with unit-clustered standard errors (Stata's small-sample
/// scaling) on N = 10,000 units, T = 20 periods and 5 regressors, against plm(model = "within") +
/// vcovHC(method = "arellano", type = "sss"). The issue's bar: at least 20x plm.
/// </summary>
public sealed class PanelBench : IBenchSuite
{
    public IEnumerable<BenchCase> Cases()
    {
        const int n = 10_000, t = 20, k = 5;
        string script = Path.Combine(AppContext.BaseDirectory, "scripts", "panel", "fe_cluster.R").Replace("\\", "/");
        PanelData? panel = null;
        var options = new PanelRegression("y ~ x1 + x2 + x3 + x4 + x5", PanelModel.FixedEffects) { Covariance = PanelCovariance.Cluster };
        yield return new BenchCase($"panel/fe-cluster-{n}x{t}", $"FE with unit-clustered SEs (sss), N = {n}, T = {t}, {k} regressors, vs plm + vcovHC",
            () => options.Fit(panel!))
        {
            Prepare = dir => panel = PanelData.Load(WriteCsv(dir, n, t, k, seed: 20260101), "id", "time"),
            RSetup = $"source('{script}'); pd <- fe_cluster_setup('panel.csv')",
            RBody = "fe_cluster(pd)",
            Repetitions = 5,
        };
    }

    /// <summary>y_it = a_i + x_it'beta + e_it with x correlated with a_i; writes panel.csv (id, time, y, x1..xk).</summary>
    internal static string WriteCsv(string dir, int n, int t, int k, int seed)
    {
        var rng = new Random(seed);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var path = Path.Combine(dir, "panel.csv");
        using var w = new StreamWriter(path);
        w.Write("id,time,y");
        for (int p = 1; p <= k; p++) w.Write($",x{p}");
        w.WriteLine();
        var x = new double[k];
        for (int i = 0; i < n; i++)
        {
            double a = Gauss();
            for (int s = 0; s < t; s++)
            {
                double y = a + Gauss() * (1 + 0.5 * Math.Abs(a));
                for (int p = 0; p < k; p++) { x[p] = 0.5 * a + Gauss(); y += (p + 1) * 0.1 * x[p]; }
                w.Write(string.Create(CultureInfo.InvariantCulture, $"u{i},{2000 + s},{y:R}"));
                foreach (var v in x) w.Write(string.Create(CultureInfo.InvariantCulture, $",{v:R}"));
                w.WriteLine();
            }
        }
        return path;
    }
}
