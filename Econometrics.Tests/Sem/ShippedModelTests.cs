using System.Text.Json;
using Econometrics.Data;
using Econometrics.Sem.Fitting;
using Econometrics.Tests.Support;
using Xunit;

namespace Econometrics.Tests.Sem;

/// <summary>The model files shipped in data/sem (read by the report and the command examples) fit as their lavaan references.</summary>
public sealed class ShippedModelTests
{
    private static string Data(string name) => Path.Combine(Econometrics.Tests.Cli.CliRunner.DataDir, "sem", name);

    [Fact]
    public void Growth_file_with_explicit_mean_structure_is_lavaans_growth_fit()
    {
        // growth.lav spells out growth()'s defaults (outcome intercepts 0*1, factor intercepts free) so that `econ sem fit` runs it
        // without options: estimates and SEs must be lavaan's growth() fit of the same data.
        var f = ReferenceFixture.Load("Sem/lavaan_growth");
        var fit = new SemEstimator(File.ReadAllText(Data("growth.lav"))).Fit(CsvFrame.Load(Data("Demo.growth.csv")));
        Assert.Equal(f.Expected.GetProperty("fit").GetProperty("chisq").GetDouble(), fit.FitMeasures.Chisq,
            f.Tolerance("fitRelative") * fit.FitMeasures.Chisq);
        Assert.Equal(f.Expected.GetProperty("fit").GetProperty("df").GetDouble(), fit.FitMeasures.Df);
        int compared = 0;
        foreach (var e in f.Expected.GetProperty("estimates").EnumerateArray())
        {
            var mine = fit.Get(e.GetProperty("lhs").GetString()!, e.GetProperty("op").GetString()!, e.GetProperty("rhs").GetString()!);
            Assert.True(Math.Abs(mine.Estimate - e.GetProperty("est").GetDouble()) <= f.Tolerance("estimate"), mine.Term);
            if (e.GetProperty("se").ValueKind != JsonValueKind.Null)
                Assert.True(Math.Abs(mine.StdError!.Value - e.GetProperty("se").GetDouble()) <= f.Tolerance("stdError"), mine.Term);
            compared++;
        }
        Assert.True(compared > 20);
    }

    [Fact]
    public void Mediation_file_defines_the_indirect_and_total_effects()
    {
        var fit = new SemEstimator(File.ReadAllText(Data("mediation.lav"))).Fit(CsvFrame.Load(Data("mediation.csv")));
        var (a, b, c) = (fit.Get("M", "~", "X").Estimate, fit.Get("Y", "~", "M").Estimate, fit.Get("Y", "~", "X").Estimate);
        Assert.Equal(a * b, fit.Get("indirect", ":=", "a*b").Estimate, 12);
        Assert.Equal(c + a * b, fit.Get("total", ":=", "c+a*b").Estimate, 12);
    }
}
