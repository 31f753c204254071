using System.Text.Json;
using Econometrics.Data;
using MathNet.Numerics.LinearAlgebra;
using Xunit;
using Econometrics.Sem.Fitting;
using Econometrics.Tests.Support;

namespace Econometrics.Tests.Sem;

/// <summary>ML fits against lavaan 0.6-14 (fixtures from Reference/Sem/generate.R).</summary>
[VerifiesFixtures("Sem/lavaan_", "Sem/sem_", "Sem/mlm_", "Sem/mlr_")]
public class LavaanFixtureTests
{
    public static TheoryData<string> Cases => new() { "lavaan_hs_cfa", "lavaan_hs_cfa_stdlv", "lavaan_poldem_sem", "lavaan_nonrecursive",
        "lavaan_nonrecursive_cov",
                                                        "lavaan_growth", "lavaan_poldem_means", "lavaan_hs_means",
                                                        "sem_mediation", "sem_mediation_eq", "sem_mediation_ineq", "sem_hs_constrained",
                                                        "mlm_hs_cfa", "mlm_poldem_sem", "mlm_mediation", "mlm_mediation_eq", "mlm_hs_means",
                                                        "mlr_hs_cfa", "mlr_poldem_sem", "mlr_mediation", "mlr_mediation_eq", "mlr_hs_means", "mlr_growth" };

    internal static SemFit FitCase(string name)
    {
        var f = ReferenceFixture.Load($"Sem/{name}");
        string dir = f.Directory;
        string call = f.Root.GetProperty("call").GetString()!, model = File.ReadAllText(f.File("model.lav"));
        var est = (call.StartsWith("growth(", StringComparison.Ordinal) ? SemEstimator.Growth(model) : new SemEstimator(model)) with
        {
            StdLv = call.Contains("std.lv = TRUE", StringComparison.Ordinal),
            MeanStructure = call.Contains("meanstructure = TRUE", StringComparison.Ordinal) || call.StartsWith("growth(", StringComparison.Ordinal),
            Estimation = call.Contains("estimator = \"MLM\"", StringComparison.Ordinal) ? SemEstimation.Mlm
                : call.Contains("estimator = \"MLR\"", StringComparison.Ordinal) ? SemEstimation.Mlr : SemEstimation.Ml,
        };
        if (File.Exists(Path.Combine(dir, "input.csv"))) return est.Fit(CsvFrame.Load(Path.Combine(dir, "input.csv")));
        var frame = CsvFrame.Load(Path.Combine(dir, "cov.csv"));
        var names = frame.ColumnKeys.ToArray();
        var cov = Matrix<double>.Build.Dense(names.Length, names.Length, (i, j) => frame.GetColumn<double>(names[j]).GetAt(i));
        return est.Fit(cov, names, f.Root.GetProperty("nobs").GetInt32());
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
        double maxEst = 0, maxSe = 0, maxStd = 0;
        foreach (var e in expected)
        {
            var mine = fit.Get(e.GetProperty("lhs").GetString()!, e.GetProperty("op").GetString()!, e.GetProperty("rhs").GetString()!);
            Assert.Equal(e.GetProperty("free").GetBoolean(), mine.Free);
            maxEst = Math.Max(maxEst, Math.Abs(mine.Estimate - e.GetProperty("est").GetDouble()));
            maxStd = Math.Max(maxStd, Math.Abs((mine.StdAll ?? double.NaN) - e.GetProperty("std.all").GetDouble()));
            if (e.GetProperty("se").ValueKind == JsonValueKind.Null) Assert.Null(mine.StdError);
            else maxSe = Math.Max(maxSe, Math.Abs(mine.StdError!.Value - e.GetProperty("se").GetDouble()));
        }
        Assert.True(maxEst <= f.Tolerance("estimate"), $"max |est diff| = {maxEst:G3}");
        Assert.True(maxSe <= f.Tolerance("stdError"), $"max |se diff| = {maxSe:G3}");
        Assert.True(maxStd <= f.Tolerance("stdAll"), $"max |std.all diff| = {maxStd:G3}");
    }

    /// <summary>Our fit measures under lavaan's fitMeasures() names.</summary>
    internal static Dictionary<string, double> Measures(SemFitMeasures f) => new()
    {
        ["chisq"] = f.Chisq, ["df"] = f.Df, ["pvalue"] = f.PValue, ["baseline.chisq"] = f.BaselineChisq, ["baseline.df"] = f.BaselineDf,
        ["cfi"] = f.Cfi, ["tli"] = f.Tli, ["nfi"] = f.Nfi, ["rmsea"] = f.Rmsea, ["rmsea.ci.lower"] = f.RmseaLower,
        ["rmsea.ci.upper"] = f.RmseaUpper, ["rmsea.pvalue"] = f.RmseaPValue, ["rmsea.notclose.pvalue"] = f.RmseaNotClosePValue,
        ["srmr"] = f.Srmr, ["logl"] = f.LogLikelihood, ["unrestricted.logl"] = f.UnrestrictedLogLikelihood, ["aic"] = f.Aic,
        ["bic"] = f.Bic, ["bic2"] = f.Sabic, ["npar"] = f.NPar, ["fmin"] = f.Fmin,
        ["chisq.scaled"] = f.ChisqScaled ?? double.NaN, ["df.scaled"] = f.DfScaled ?? double.NaN, ["pvalue.scaled"] = f.PValueScaled ?? double.NaN,
        ["chisq.scaling.factor"] = f.ChisqScalingFactor ?? double.NaN, ["baseline.chisq.scaled"] = f.BaselineChisqScaled ?? double.NaN,
        ["baseline.chisq.scaling.factor"] = f.BaselineChisqScalingFactor ?? double.NaN, ["cfi.robust"] = f.CfiRobust ?? double.NaN,
        ["tli.robust"] = f.TliRobust ?? double.NaN, ["rmsea.robust"] = f.RmseaRobust ?? double.NaN,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FitMeasures_MatchLavaan_1e4Relative(string name)
    {
        var fixture = ReferenceFixture.Load($"Sem/{name}");
        double tolerance = fixture.Tolerance("fitRelative");
        var f = FitCase(name).FitMeasures;
        var mine = Measures(f);
        var failures = new List<string>();
        foreach (var p in fixture.Expected.GetProperty("fit").EnumerateObject())
        {
            double m = mine[p.Name];
            if (p.Value.ValueKind == JsonValueKind.Null) { if (!double.IsNaN(m)) failures.Add($"{p.Name}: expected undefined, got {m}"); continue; }
            double e = p.Value.GetDouble();
            // Relative, with an absolute floor of 1e-8 for quantities that are zero up to rounding (df = 0 models).
            if (!(Math.Abs(m - e) <= tolerance * Math.Abs(e) + 1e-8)) failures.Add($"{p.Name}: lavaan {e:R}, ours {m:R}");
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }
}
