using Deedle;
using Econometrics.Sem.Fitting;
using Econometrics.Sem.Syntax;
using Econometrics.Data;

namespace Econometrics.Tests.Sem;

/// <summary>
/// The ML discrepancy, its minimum and the standardized solution do not depend on the units of the data (for models
/// without fixed non-marker values or cross-variable equality constraints), so neither may the fit.
/// </summary>
public class SemScaleInvarianceTests
{
    private static Frame<int, string> Load(string name) =>
        CsvFrame.Load(Path.Combine(AppContext.BaseDirectory, "Reference", "Sem", name, "input.csv"));

    private static string Model(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "Sem", name, "model.lav"));

    private static Frame<int, string> Scale(Frame<int, string> data, Func<string, double> factor) =>
        Frame.FromColumns(data.ColumnKeys.Select(c => KeyValue.Create(c, data.GetColumn<double>(c).Select(kv => kv.Value * factor(c)))));

    private static void AssertSameFit(SemFit reference, SemFit scaled, string what)
    {
        Assert.True(scaled.Converged, $"{what}: not converged");
        double chi = reference.FitMeasures.Chisq;
        Assert.True(Math.Abs(scaled.FitMeasures.Chisq - chi) <= 1e-6 * chi, $"{what}: chisq {scaled.FitMeasures.Chisq:R} vs {chi:R}");
        foreach (var (a, b) in reference.Estimates.Zip(scaled.Estimates))
        {
            Assert.Equal((a.Lhs, a.Op, a.Rhs), (b.Lhs, b.Op, b.Rhs));
            double sa = a.StdAll!.Value, sb = b.StdAll!.Value;
            Assert.True(Math.Abs(sa - sb) <= 1e-6 * Math.Max(Math.Abs(sa), 1e-3), $"{what}: std.all of {a.Lhs} {a.Op} {a.Rhs}: {sb:R} vs {sa:R}");
        }
    }

    [Theory]
    [InlineData("lavaan_poldem_sem", 38.1252182281)]
    [InlineData("lavaan_hs_cfa", 85.3055217700)]
    [InlineData("lavaan_hs_cfa_stdlv", 85.3055217700)]
    public void CommonRescaling_From1e6Down_To1e6Up_GivesTheUnscaledFit(string name, double lavaanChisq)
    {
        var data = Load(name);
        var est = new SemEstimator(Model(name)) { StdLv = name.EndsWith("stdlv", StringComparison.Ordinal) };
        var reference = est.Fit(data);
        Assert.Equal(lavaanChisq, reference.FitMeasures.Chisq, lavaanChisq * 1e-6);
        foreach (double k in new[] { 1e-6, 1e-3, 0.1, 10, 100, 1e3, 1e6 })
            AssertSameFit(reference, est.Fit(Scale(data, _ => k)), $"x{k:G}");
    }

    [Fact]
    public void RandomPerColumnRescaling_GivesTheUnscaledFit()
    {
        // Property over 12 seeded draws: every column scaled by its own factor 10^U(-6, 6).
        const string name = "lavaan_poldem_sem";
        var data = Load(name);
        var est = new SemEstimator(Model(name));
        var reference = est.Fit(data);
        var rng = new Random(20261206);
        for (int draw = 0; draw < 12; draw++)
        {
            var factors = data.ColumnKeys.ToDictionary(c => c, _ => Math.Pow(10, rng.NextDouble() * 12 - 6));
            AssertSameFit(reference, est.Fit(Scale(data, c => factors[c])), $"draw {draw}");
        }
    }

    [Fact]
    public void LatentVariableNamedLikeAColumn_IsAnErrorNamingIt()
    {
        var data = Load("lavaan_hs_cfa");
        var ex = Assert.Throws<ModelSyntaxException>(() => new SemEstimator("x1 =~ x2 + x3 + x4\nf =~ x5 + x6 + x7").Fit(data));
        Assert.Contains("latent variable 'x1'", ex.Message);
        Assert.Contains("column of the data", ex.Message);
        Assert.Equal(1, ex.Line);
    }
}
