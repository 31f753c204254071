using System.Text.Json;
using Econometrics.Data;
using Econometrics.Sem.Fitting;
using Econometrics.Tests.Support;
using Xunit;

namespace Econometrics.Tests.Sem;

/// <summary>Multiple-group ML fits against lavaan 0.6-14 (fixtures from Reference/Sem/generate_groups.R).</summary>
[VerifiesFixtures("Sem/mg_")]
public class MultiGroupFixtureTests
{
    public static TheoryData<string> Cases => new() { "mg_hs_configural", "mg_hs_metric", "mg_hs_scalar", "mg_hs_strict", "mg_hs_lv", "mg_hs_partial",
        "mg_hs_labels", "mg_poldem_structural" };

    internal static SemFit FitCase(string name)
    {
        var f = ReferenceFixture.Load($"Sem/{name}");
        var options = f.Root.GetProperty("options");
        var est = new SemEstimator(File.ReadAllText(f.File("model.lav")))
        {
            Group = options.GetProperty("group").GetString(),
            GroupEqual = options.GetProperty("groupEqual").EnumerateArray().Select(e => e.GetString()!).ToArray(),
            GroupPartial = options.GetProperty("groupPartial").EnumerateArray().Select(e => e.GetString()!).ToArray(),
        };
        return est.Fit(CsvFrame.Load(f.File("input.csv")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EstimatesAndStandardErrors_MatchLavaan(string name)
    {
        var f = ReferenceFixture.Load($"Sem/{name}");
        var fit = FitCase(name);
        Assert.True(fit.Converged);
        var expected = f.Expected.GetProperty("estimates").EnumerateArray().ToList();
        Assert.Equal(expected.Count, fit.Estimates.Count);
        var labels = f.Expected.GetProperty("groupLabels").EnumerateArray().Select(e => e.GetString()).ToArray();
        double maxEst = 0, maxSe = 0, maxStd = 0;
        foreach (var e in expected)
        {
            int group = e.GetProperty("group").GetInt32();
            string lhs = e.GetProperty("lhs").GetString()!, op = e.GetProperty("op").GetString()!, rhs = e.GetProperty("rhs").GetString()!;
            var mine = fit.Estimates.Single(m => (m.Group ?? 0) == group && m.Op == op && m.Lhs == lhs && m.Rhs == rhs);
            if (group > 0) Assert.Equal(labels[group - 1], mine.GroupLabel);
            Assert.True(e.GetProperty("free").GetBoolean() == mine.Free, $"{group}: {lhs} {op} {rhs} free");
            maxEst = Math.Max(maxEst, Math.Abs(mine.Estimate - e.GetProperty("est").GetDouble()));
            maxStd = Math.Max(maxStd, Math.Abs((mine.StdAll ?? double.NaN) - e.GetProperty("std.all").GetDouble()));
            if (e.GetProperty("se").ValueKind == JsonValueKind.Null) Assert.Null(mine.StdError);
            else maxSe = Math.Max(maxSe, Math.Abs(mine.StdError!.Value - e.GetProperty("se").GetDouble()));
        }
        Assert.True(maxEst <= f.Tolerance("estimate"), $"max |est diff| = {maxEst:G3}");
        Assert.True(maxSe <= f.Tolerance("stdError"), $"max |se diff| = {maxSe:G3}");
        Assert.True(maxStd <= f.Tolerance("stdAll"), $"max |std.all diff| = {maxStd:G3}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FitMeasuresAndGroupChiSquares_MatchLavaan_1e4Relative(string name)
    {
        var fixture = ReferenceFixture.Load($"Sem/{name}");
        double tolerance = fixture.Tolerance("fitRelative");
        var fit = FitCase(name);
        var f = fit.FitMeasures;
        var mine = LavaanFixtureTests.Measures(f);
        var failures = new List<string>();
        void Check(string what, double m, double e)
        {
            if (!(Math.Abs(m - e) <= tolerance * Math.Abs(e) + 1e-8)) failures.Add($"{what}: lavaan {e:R}, ours {m:R}");
        }
        foreach (var p in fixture.Expected.GetProperty("fit").EnumerateObject()) Check(p.Name, mine[p.Name], p.Value.GetDouble());
        var chisq = fixture.Expected.GetProperty("groupChisq").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var nobs = fixture.Expected.GetProperty("groupNobs").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(chisq.Length, fit.Groups!.Count);
        for (int g = 0; g < chisq.Length; g++)
        {
            Check($"chisq group {g + 1}", fit.Groups[g].Chisq, chisq[g]);
            Assert.Equal(nobs[g], fit.Groups[g].NObs);
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Fact]
    public void InvarianceSequence_MatchesLavTestLrtAndCompareFit()
    {
        var f = ReferenceFixture.Load("Sem/mg_hs_invariance");
        double tolerance = f.Tolerance("fitRelative");
        var result = new MeasurementInvariance(new SemEstimator(File.ReadAllText(f.File("model.lav"))) { Group = "school" })
            .Test(CsvFrame.Load(f.File("input.csv")));
        var expected = f.Expected.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(expected.Select(e => e.GetProperty("model").GetString()), result.Steps.Select(s => s.Model));
        var failures = new List<string>();
        for (int i = 0; i < expected.Count; i++)
        {
            var s = result.Steps[i];
            var mine = new Dictionary<string, double?>
            {
                ["chisq"] = s.Chisq, ["df"] = s.Df, ["pvalue"] = s.PValue, ["cfi"] = s.Cfi, ["tli"] = s.Tli, ["rmsea"] = s.Rmsea, ["srmr"] = s.Srmr,
                ["aic"] = s.Aic, ["bic"] = s.Bic, ["chisqDiff"] = s.ChisqDiff, ["dfDiff"] = s.DfDiff, ["pvalueDiff"] = s.PValueDiff,
                ["rmseaDiff"] = s.RmseaDiff, ["deltaCfi"] = s.DeltaCfi, ["deltaRmsea"] = s.DeltaRmsea,
            };
            foreach (var p in expected[i].EnumerateObject().Where(p => p.Name != "model"))
            {
                double e = p.Value.GetDouble();
                double m = mine[p.Name] ?? double.NaN;
                // Differences of fit indices are small numbers: relative to the indices they are differences of (floor 1e-6).
                double scale = p.Name.StartsWith("delta", StringComparison.Ordinal) ? 1 : Math.Abs(e);
                if (!(Math.Abs(m - e) <= tolerance * scale + 1e-8)) failures.Add($"{s.Model} {p.Name}: lavaan {e:R}, ours {m:R}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
        Assert.All(result.Steps.Skip(1), s => Assert.NotNull(s.ChisqDiff));
        Assert.Null(result.Steps[0].ChisqDiff);
    }
}
