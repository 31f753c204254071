using Econometrics.Cli;
using Econometrics.Data;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;
using Econometrics.Panel.Factors;
using Econometrics.Panel.Simulation;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>The bad-input list: constant unit, N or T below 3, too many factors, duplicate keys, non-numeric values.</summary>
public sealed class BadInputTests
{
    private static Matrix<double> Random(int t, int n, int seed)
    {
        var rng = new System.Random(seed);
        return Matrix<double>.Build.Dense(t, n, (_, _) => rng.NextDouble());
    }

    [Fact]
    public void A_constant_unit_is_excluded_with_a_diagnostic()
    {
        var x = Random(20, 6, 1);
        for (int s = 0; s < 20; s++) x[s, 2] = 3.5;
        var r = new CrossSectionalDependence().Test(x);
        Assert.Equal(5, r.N);
        Assert.Contains(r.Diagnostics, d => d.Code == "unit-excluded" && d.Message.Contains("'3'"));
        Assert.All(r.Tests, s => Assert.True(s.Result.Validity != TestValidity.Valid || double.IsFinite(s.Statistic)));
    }

    [Fact]
    public void Cd_w_weights_are_seeded_reproducible_and_validated()
    {
        var x = Random(30, 12, 8);
        var a = new CrossSectionalDependence { Tests = CdTests.CDw, Seed = 5, Draws = 7 }.Test(x);
        var b = new CrossSectionalDependence { Tests = CdTests.CDw, Seed = 5, Draws = 7 }.Test(x);
        var c = new CrossSectionalDependence { Tests = CdTests.CDw, Seed = 6, Draws = 7 }.Test(x);
        Assert.Equal(a["CDw"].Statistic, b["CDw"].Statistic);
        Assert.NotEqual(a["CDw"].Statistic, c["CDw"].Statistic);
        Assert.Equal(12, a.Weights!.RowCount);
        Assert.Equal(7, a.Weights.ColumnCount);
        // Returned weights reproduce the statistic when passed back in.
        var again = new CrossSectionalDependence { Tests = CdTests.CDw, Weights = a.Weights }.Test(x);
        Assert.Equal(a["CDw"].Statistic, again["CDw"].Statistic, 12);
        var wrong = Matrix<double>.Build.Dense(11, 1, 1.0);
        Assert.Equal("Weights", Assert.Throws<ArgumentException>(() => new CrossSectionalDependence
        {
            Tests = CdTests.CDw,
            Weights = wrong
        }.Test(x)).ParamName);
    }

    [Theory]
    [InlineData(2, 10)]
    [InlineData(10, 2)]
    public void Fewer_than_three_units_or_periods_is_an_error(int t, int n)
    {
        var e = Assert.Throws<ArgumentException>(() => new CrossSectionalDependence().Test(Random(t, n, 2)));
        Assert.Equal("panel", e.ParamName);
        Assert.Contains("at least 3", e.Message);
    }

    [Fact]
    public void Too_few_varying_units_is_an_error()
    {
        var x = Random(10, 4, 3);
        for (int s = 0; s < 10; s++) { x[s, 0] = 1; x[s, 1] = 2; }
        Assert.Contains("vary", Assert.Throws<ArgumentException>(() => new CrossSectionalDependence().Test(x)).Message);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(12)]
    public void A_factor_count_of_min_N_T_minus_1_or_more_is_an_error(int m)
    {
        // N = 10, T = 30: min(N, T - 1) = 10.
        var e = Assert.Throws<ArgumentException>(() => new CrossSectionalDependence { Tests = CdTests.CDStar, Factors = FactorCount.Fixed(m) }.Test(Random(30,
            10, 4)));
        Assert.Equal("Factors", e.ParamName);
        Assert.Contains("min(N, T - 1) = 10", e.Message);
        var pc = Assert.Throws<ArgumentException>(() => new PanelRegression("y ~ x", PanelModel.InteractiveEffects) { Factors = FactorCount.Fixed(9) }
            .Fit(new FactorPanelDgp { N = 10, T = 6, IncludeRegressor = true }.Simulate(1).ToPanel()));
        Assert.Contains("min(N, T - 1) = 5", pc.Message);
    }

    [Fact]
    public void Degenerate_cd_star_is_invalid_with_a_diagnostic_not_nan_silently()
    {
        // Rank-2 data A = 10 u1 v1' + u2 v2' with |v2_i| proportional to 1/v1_i: after removing the first component,
        // sigma_i gamma_i is the same for every unit, so every a_i = 0 and theta = 1 exactly (note section 4.9).
        int t = 20;
        var u1 = Vector<double>.Build.Dense(t, s => Math.Cos(0.3 * s));
        var u2 = Vector<double>.Build.Dense(t, s => Math.Sin(0.7 * s));
        u1 -= u1.Average(); u1 /= u1.L2Norm();
        u2 -= u2.Average(); u2 -= u2.DotProduct(u1) * u1; u2 /= u2.L2Norm();
        var v1 = Vector<double>.Build.DenseOfArray([1, 1, 2, 2]); v1 /= v1.L2Norm();
        var v2 = Vector<double>.Build.DenseOfArray([1, -1, 0.5, -0.5]); v2 /= v2.L2Norm();
        var x = 10 * u1.OuterProduct(v1) + u2.OuterProduct(v2);
        var r = new CrossSectionalDependence { Tests = CdTests.CD | CdTests.CDStar, Factors = FactorCount.Fixed(1) }.Test(x);
        var star = r["CDStar"];
        Assert.Equal(TestValidity.Invalid, star.Result.Validity);
        Assert.Null(star.PValue);
        Assert.Contains(star.Result.Diagnostics!, d => d.Code == "cdstar-degenerate");
        Assert.Equal(1.0, star.Theta!.Value, 10);
        Assert.DoesNotContain("NaN", r.ToJson());
        Assert.Contains("\"statistic\": null", r.ToJson());
    }

    [Fact]
    public void Formula_problems_name_the_term_or_variable()
    {
        Assert.Contains("'~'", Assert.Throws<ArgumentException>(() => new PanelRegression("y x1")).Message);
        Assert.Contains("x1*x2", Assert.Throws<ArgumentException>(() => new PanelRegression("y ~ x1*x2")).Message);
        var path = Csv("id,t,y,x\na,1,1,1\na,2,2,0\na,3,2,2\nb,1,4,1\nb,2,5,2\nb,3,1,3\nc,1,1,1\nc,2,2,2\nc,3,0,4\n");
        var panel = PanelData.Load(path, "id", "t");
        var e = Assert.Throws<ArgumentException>(() => new PanelRegression("y ~ log(x)", PanelModel.Pooled).Fit(panel));
        Assert.Contains("log(x)", e.Message);
        Assert.Contains("entity 'a'", e.Message);
        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() => new PanelRegression("y ~ nope").Fit(panel)).Message);
    }

    private static string Csv(string body)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cd-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, body);
        return path;
    }

    [Fact]
    public void Duplicate_keys_are_a_data_error_naming_them()
    {
        var path = Csv("id,t,y\na,1,1\na,2,2\na,2,3\nb,1,4\nb,2,5\n");
        var e = Assert.Throws<DataFormatException>(() => PanelData.Load(path, "id", "t"));
        Assert.Contains("Duplicate key", e.Message);
        Assert.Equal(2, RunCli($"cd --data {path} --entity id --time t --value y", out var err));
        Assert.StartsWith("error:", err);
    }

    [Fact]
    public void Non_numeric_values_are_a_data_error_naming_the_column()
    {
        var path = Csv("id,t,y\na,1,1\na,2,x\nb,1,4\nb,2,5\nc,1,1\nc,2,2\n");
        Assert.Equal(2, RunCli($"cd --data {path} --entity id --time t --value y", out var err));
        Assert.Contains("'y'", err);
    }

    [Fact]
    public void Cli_usage_errors_exit_2()
    {
        var grunfeld = Path.Combine(AppContext.BaseDirectory, "data", "grunfeld.csv");
        Assert.Equal(2, RunCli($"cd --data {grunfeld} --entity firm --time year", out var e1));
        Assert.Contains("--value", e1);
        Assert.Equal(2, RunCli($"cd --data {grunfeld} --entity firm --time year --value inv --tests cd,bogus", out var e2));
        Assert.Contains("bogus", e2);
        Assert.Equal(2, RunCli($"cd --data {grunfeld} --entity firm --time year --value inv --factors 10", out var e3));
        Assert.Contains("--factors", e3);
        Assert.Equal(2, RunCli("cd-mc --shard 3/2", out var e4));
        Assert.Contains("--shard", e4);
    }

    private static string[] Split(string line)
    {
        var args = new List<string>(); var current = new System.Text.StringBuilder(); bool quoted = false, any = false;
        foreach (var ch in line)
        {
            if (ch == '"') { quoted = !quoted; any = true; }
            else if (ch == ' ' && !quoted) { if (any) args.Add(current.ToString()); current.Clear(); any = false; }
            else { current.Append(ch); any = true; }
        }
        if (any) args.Add(current.ToString());
        return args.ToArray();
    }

    internal static int RunCli(string line, out string error)
    {
        var args = Split(line);
        var o = new StringWriter(); var e = new StringWriter();
        int code = Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        error = e.ToString();
        return code;
    }
}
