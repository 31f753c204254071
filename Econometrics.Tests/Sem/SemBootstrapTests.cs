using System.Text.Json;
using Econometrics.Data;
using Econometrics.Sem.Fitting;
using Econometrics.Tests.Support;
using Xunit;

namespace Econometrics.Tests.Sem;

/// <summary>Bootstrap standard errors (lavaan's se = "bootstrap") against lavaan's, and their reproducibility.</summary>
[VerifiesFixtures("Sem/boot_")]
public class SemBootstrapTests
{
    private static (ReferenceFixture Fixture, Deedle.Frame<int, string> Data, string Model) Case(string name = "boot_mediation")
    {
        var f = ReferenceFixture.Load($"Sem/{name}");
        return (f, CsvFrame.Load(f.File("input.csv")), File.ReadAllText(f.File("model.lav")));
    }

    // Complete-data ML (mediation with defined parameters) and full-information ML (the HS CFA with values missing at random,
    // lavaan's missing = "ml": replicates resample the incomplete rows and refit EM + FIML).
    [Theory]
    [InlineData("boot_mediation", false, 2000)]
    [InlineData("boot_fiml_hs_cfa", true, 400)]
    public void BootstrapStandardErrors_WithinMonteCarloErrorOfLavaan(string fixture, bool fiml, int replicates)
    {
        var (f, data, model) = Case(fixture);
        var fit = new SemEstimator(model)
        {
            StandardErrors = SemStandardErrors.Bootstrap, BootstrapReplicates = replicates, Seed = 11,
            Missing = fiml ? SemMissing.Ml : SemMissing.Listwise,
        }.Fit(data);
        Assert.Equal(replicates, fit.BootstrapDraws);
        int lavaanB = f.Root.GetProperty("replicates").GetInt32();
        var failures = new List<string>();
        int compared = 0;
        foreach (var e in f.Expected.GetProperty("estimates").EnumerateArray())
        {
            var mine = fit.Get(e.GetProperty("lhs").GetString()!, e.GetProperty("op").GetString()!, e.GetProperty("rhs").GetString()!);
            Assert.True(Math.Abs(mine.Estimate - e.GetProperty("est").GetDouble()) <= f.Tolerance("estimate"));
            if (e.GetProperty("se").ValueKind == JsonValueKind.Null) continue;
            double se = e.GetProperty("se").GetDouble(), k = e.GetProperty("kurtosis").GetDouble();
            // The Monte Carlo SD of a bootstrap SE from B draws is SE sqrt((k - 1) / (4 B)); both runs are independent.
            double mcSd = se * Math.Sqrt((k - 1) / 4 * (1.0 / lavaanB + 1.0 / replicates));
            double diff = Math.Abs(mine.StdError!.Value - se);
            double sigmas = f.Tolerance("bootstrapSeSigmas");
            if (!(diff <= sigmas * mcSd))
                failures.Add($"{mine.Term}: lavaan {se:G6}, ours {mine.StdError:G6}, |diff| {diff:G3} > {sigmas} x MC sd {mcSd:G3}");
            Assert.True(mine.CiLower < mine.Estimate && mine.Estimate < mine.CiUpper, $"{mine.Term}: percentile interval excludes the estimate");
            compared++;
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
        Assert.True(compared >= 5, $"only {compared} bootstrap SEs compared");
    }

    [Fact]
    public void Bootstrap_SameOnOneAndManyThreads_AndSeeded()
    {
        var (_, data, model) = Case();
        var est = new SemEstimator(model) { StandardErrors = SemStandardErrors.Bootstrap, BootstrapReplicates = 64, Seed = 5 };
        var one = est with { MaxDegreeOfParallelism = 1 };
        var many = est with { MaxDegreeOfParallelism = 4 };
        var a = one.Fit(data).Estimates.Select(e => (e.StdError, e.CiLower, e.CiUpper)).ToArray();
        var b = many.Fit(data).Estimates.Select(e => (e.StdError, e.CiLower, e.CiUpper)).ToArray();
        Assert.Equal(a, b);
        var c = (est with { Seed = 6 }).Fit(data).Estimates.Select(e => (e.StdError, e.CiLower, e.CiUpper)).ToArray();
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Bootstrap_ReportsProgress_AndCancels()
    {
        var (_, data, model) = Case();
        var est = new SemEstimator(model) { StandardErrors = SemStandardErrors.Bootstrap, BootstrapReplicates = 40 };
        double last = 0;
        est.Fit(data, new SynchronousProgress(v => last = Math.Max(last, v)));
        Assert.Equal(1.0, last);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => est.Fit(data, null, cts.Token));
    }

    [Fact]
    public void Bootstrap_NeedsRawData()
    {
        var est = new SemEstimator("y1 ~ x1") { StandardErrors = SemStandardErrors.Bootstrap };
        var cov = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.3 }, { 0.3, 1.0 } });
        var ex = Assert.Throws<ArgumentException>(() => est.Fit(cov, ["y1", "x1"], 100));
        Assert.Contains("raw data", ex.Message);
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        private readonly Lock _gate = new();
        public void Report(double value) { lock (_gate) report(value); }
    }
}
