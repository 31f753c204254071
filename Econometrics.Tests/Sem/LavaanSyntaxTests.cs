using Econometrics.Data;
using MathNet.Numerics.LinearAlgebra;
using Xunit;
using Econometrics.Sem.Fitting;
using Econometrics.Sem.Identification;
using Econometrics.Sem.Syntax;

namespace Econometrics.Tests.Sem;

public class LavaanSyntaxTests
{
    private static string HsFile => Path.Combine(AppContext.BaseDirectory, "data", "sem", "HolzingerSwineford1939.csv");

    [Fact]
    public void Parses_OperatorsModifiersCommentsAndContinuations()
    {
        var s = LavaanSyntax.Parse("""
            # a comment line
            visual =~ x1 + a*x2 + 0.5*x3   ! trailing comment
            textual =~ NA*x4 +
                       x5 + x6; speed =~ x7
            y1 + y2 ~ b*x1
            x1 ~~ 1*x2
            """);
        Assert.Equal(6, s.Count);
        Assert.Equal(("visual", "=~", 3), (s[0].Lhs, s[0].Op, s[0].Rhs.Count));
        Assert.Equal("a", s[0].Rhs[1].Label);
        Assert.Equal(0.5, s[0].Rhs[2].Fixed);
        Assert.True(s[1].Rhs[0].ForceFree);
        Assert.Equal(3, s[1].Rhs.Count);
        Assert.Equal("speed", s[2].Lhs);
        Assert.Equal(("y1", "y2"), (s[3].Lhs, s[4].Lhs));
        Assert.Equal("b", s[4].Rhs[0].Label);
        Assert.Equal(("~~", 1.0), (s[5].Op, s[5].Rhs[0].Fixed!.Value));
        Assert.Equal((2, 18), (s[0].Rhs[1].Line, s[0].Rhs[1].Column));
    }

    [Fact]
    public void Intercepts_BecomeTheirOwnStatements()
    {
        var s = LavaanSyntax.Parse("y ~ 1 + b*x\nt1 ~ 0*1\nf ~ m*1");
        Assert.Equal(4, s.Count);
        Assert.Equal(("y", "~", "x"), (s[0].Lhs, s[0].Op, s[0].Rhs.Single().Name));
        Assert.Equal(("y", "~1", ""), (s[1].Lhs, s[1].Op, s[1].Rhs.Single().Name));
        Assert.True(s[1].Rhs[0].IsIntercept);
        Assert.Equal(("t1", "~1", 0.0), (s[2].Lhs, s[2].Op, s[2].Rhs[0].Fixed!.Value));
        Assert.Equal("m", s[3].Rhs[0].Label);
    }

    [Fact]
    public void MeanStructure_NeedsRawData_AndFixedXMeansAreNotParameters()
    {
        var data = CsvFrame.Load(HsFile);
        var ex = Assert.Throws<ModelSyntaxException>(() => new SemEstimator("x1 ~ x2\nx2 ~ 1").Fit(data));
        Assert.Contains("'x2 ~ 1' concerns an exogenous covariate", ex.Message);
        var cov = Matrix<double>.Build.DenseIdentity(2);
        var ex2 = Assert.Throws<ArgumentException>(() => new SemEstimator("x1 ~ x2\nx1 ~ 1").Fit(cov, ["x1", "x2"], 100));
        Assert.Contains("needs raw data", ex2.Message);
    }

    [Theory]
    [InlineData("visual =~ x1 + + x2", 1, 16)]
    [InlineData("visual =~ x1 + x2\ntextual x4 + x5", 2, 9)]
    [InlineData("f =~ x1 + x2\nab := a*(b", 2, 11)]
    [InlineData("f =~ x1 + x2\ng <~ x1 + x2", 2, 3)]
    [InlineData("f =~ x1 + x2 +", 1, 14)]
    [InlineData("f =~ x1 + x2\ny ~ 2", 2, 5)]
    [InlineData("f =~ x1 @ x2", 1, 9)]
    [InlineData("f =~ x1 =~ x2", 1, 9)]
    public void SyntaxErrors_CarryLineAndColumn(string model, int line, int column)
    {
        var ex = Assert.Throws<ModelSyntaxException>(() => LavaanSyntax.Parse(model));
        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.StartsWith($"model syntax, line {line}, column {column}: ", ex.Message);
        Assert.Equal("model", ex.ParamName);
    }

    [Fact]
    public void UnknownVariable_IsReportedWithPosition()
    {
        var data = CsvFrame.Load(HsFile);
        var ex = Assert.Throws<ModelSyntaxException>(() => new SemEstimator("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x10").Fit(data));
        Assert.Equal((2, 22), (ex.Line, ex.Column));
        Assert.Contains("unknown variable 'x10'", ex.Message);
    }

    [Fact]
    public void NonPositiveDefiniteSampleCovariance_IsRejected()
    {
        var cov = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0.5, 1.5 }, { 0.5, 1, 1.5 }, { 1.5, 1.5, 3 } }); // x3 = x1 + x2
        var ex = Assert.Throws<ArgumentException>(() => new SemEstimator("f =~ x1 + x2 + x3").Fit(cov, ["x1", "x2", "x3"], 100));
        Assert.Contains("not positive definite", ex.Message);
        Assert.Equal("data", ex.ParamName);
    }

    [Fact]
    public void UnidentifiedModels_AreRefusedWithExplanation_UnlessForced()
    {
        // Negative df: the 2-cycle without instruments (research note R6).
        var s2 = Matrix<double>.Build.DenseOfArray(new double[,] { { 2.126, 1.606 }, { 1.606, 2.195 } });
        var neg = Assert.Throws<UnidentifiedModelException>(() => new SemEstimator("y1 ~ y2\ny2 ~ y1").Fit(s2, ["y1", "y2"], 500));
        Assert.Contains("df = -1", neg.Message);

        // df = 1 but rank deficient: a factor with a single indicator has its variance and the residual variance confounded.
        var data = CsvFrame.Load(HsFile);
        const string model = "f1 =~ x1 + x2 + x3\nf2 =~ x4";
        var rank = Assert.Throws<UnidentifiedModelException>(() => new SemEstimator(model).Fit(data));
        Assert.Contains("rank 8 < 9", rank.Message);
        Assert.Contains("x4 ~~ x4", rank.Parameters);
        Assert.Contains("f2 ~~ f2", rank.Parameters);
        Assert.DoesNotContain("f1 =~ x2", rank.Parameters);

        var forced = new SemEstimator(model) { ForceFit = true }.Fit(data);
        Assert.Contains(forced.Diagnostics, d => d.Code == "singular-information");
        Assert.Null(forced.Get("f2", "~~", "f2").StdError);
    }

    [Fact]
    public void EqualityLabelsAndFixedValues_AreHonoured()
    {
        var data = CsvFrame.Load(HsFile);
        var fit = new SemEstimator("visual =~ x1 + a*x2 + a*x3\nvisual ~~ 0.8*visual").Fit(data);
        Assert.Equal(fit.Get("visual", "=~", "x2").Estimate, fit.Get("visual", "=~", "x3").Estimate);
        Assert.Equal(0.8, fit.Get("visual", "~~", "visual").Estimate);
        Assert.False(fit.Get("visual", "~~", "visual").Free);
        Assert.Equal(4, fit.FitMeasures.NPar); // 3 residual variances and one shared loading; the marker and the factor variance are fixed
    }

    [Fact]
    public void Summary_Json_AndRenderers()
    {
        var fit = LavaanFixtureTests.FitCase("lavaan_poldem_sem");
        string text = fit.ToString();
        Assert.Contains("Latent Variables", text);
        Assert.Contains("dem65 ~ dem60", text);
        Assert.Contains(".y1 ~~ .y5", text);
        string json = fit.ToJson();
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var first = doc.RootElement.GetProperty("estimates")[0];
        Assert.Equal("ind60", first.GetProperty("lhs").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, first.GetProperty("stdError").ValueKind); // marker loading is fixed
        foreach (var k in new[] { "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "aic", "bic", "logLik" })
            Assert.True(doc.RootElement.GetProperty("fit").TryGetProperty(k, out _), k);
        Assert.Contains("<table", fit.ToHtml());
        Assert.Contains("| Parameter |", fit.ToMarkdown());
    }
}

public class SemDataInputTests
{
    private static string HsFile => Path.Combine(AppContext.BaseDirectory, "data", "sem", "HolzingerSwineford1939.csv");

    [Fact]
    public void MissingValues_AreDroppedListwise_WithADiagnostic()
    {
        var lines = File.ReadAllLines(HsFile).ToList();
        var header = lines[0].Split(',');
        int x2 = Array.IndexOf(header, "\"x2\"");
        var cells = lines[5].Split(','); cells[x2] = "NA"; lines[5] = string.Join(",", cells);
        var frame = CsvFrame.ParseText(string.Join("\n", lines), "hs-missing.csv");
        var fit = new SemEstimator("visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6").Fit(frame);
        Assert.Equal(300, fit.NObs);
        Assert.Contains(fit.Diagnostics, d => d.Code == "listwise");
        Assert.Contains("dropped", fit.ToString());
    }

    [Fact]
    public void NonNumericColumn_IsNamed()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new SemEstimator("f =~ x1 + x2 + school").Fit(CsvFrame.Load(HsFile)));
        Assert.Contains("school", ex.Message);
    }
}
