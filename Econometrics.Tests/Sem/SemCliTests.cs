using System.Text.Json;
using Econometrics.Cli;
using Xunit;
using Econometrics.Tests.Support;

namespace Econometrics.Tests.Sem;

public class SemCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = Econometrics.Cli.Cli.Run(args, new CliConsole(o, e));
        return (code, o.ToString(), e.ToString());
    }

    private static string Temp(string name, string content)
    {
        var dir = Path.Combine(Path.GetTempPath(), "econ-sem-cli-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private const string G2Json = """
        {"nodes":["1","2","3"],
         "directed":[{"from":"1","to":"2","weight":0.5},{"from":"2","to":"3","weight":0.3333333333333333},{"from":"3","to":"1","weight":0.25}],
         "variances":{"1":1,"2":2,"3":3}}
        """;

    [Fact]
    public void Covariance_AllMethods_JsonMatchesExactValue()
    {
        var g = Temp("g2.json", G2Json);
        var (code, json, err) = Run("sem", "covariance", "--graph", g, "--method", "all", "--symbolic", "--json", "-");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(json);
        var cov = doc.RootElement.GetProperty("covariance");
        Assert.Equal(692.0 / 529, cov[0][0].GetDouble(), 12);
        Assert.Equal(648.0 / 529, cov[1][2].GetDouble(), 12);
        Assert.True(doc.RootElement.GetProperty("maxDifference").GetDouble() < 1e-12);
        Assert.Equal("1 - l12 l23 l31", doc.RootElement.GetProperty("symbolic").GetProperty("determinant").GetString());
    }

    [Fact]
    public void Identify_And_Relations()
    {
        var verma = Temp("verma.json", """
            {"nodes":["1","2","3","4"],"directed":[{"from":"1","to":"2"},{"from":"1","to":"3"},{"from":"2","to":"3"},{"from":"3","to":"4"}],
             "bidirected":[{"a":"2","b":"4"}]}
            """);
        var (code, json, err) = Run("sem", "identify", "--graph", verma, "--json", "-");
        Assert.True(code == 0, err);
        using (var doc = JsonDocument.Parse(json))
        {
            Assert.True(doc.RootElement.GetProperty("htcIdentifiable").GetBoolean());
            Assert.True(doc.RootElement.GetProperty("globallyIdentifiable").GetBoolean());
            Assert.Equal(9, doc.RootElement.GetProperty("jacobianRank").GetInt32());
        }
        (code, json, err) = Run("sem", "relations", "--graph", verma, "--degree", "4", "--json", "-");
        Assert.True(code == 0, err);
        using (var doc = JsonDocument.Parse(json))
            Assert.Equal(4, doc.RootElement.GetProperty("relations")[0].GetProperty("degree").GetInt32());
    }

    [Fact]
    public void Fit_FromDataAndFromCovariance()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Reference", "Sem");
        var (code, json, err) = Run("sem", "fit", "--model", Path.Combine(dir, "lavaan_poldem_sem", "model.lav"),
                                    "--data", Path.Combine(AppContext.BaseDirectory, "data", "sem", "PoliticalDemocracy.csv"), "--json", "-");
        Assert.True(code == 0, err);
        using (var doc = JsonDocument.Parse(json))
            Assert.Equal(38.1252182280584, doc.RootElement.GetProperty("fit").GetProperty("chisq").GetDouble(), 6);
        (code, json, err) = Run("sem", "fit", "--model", Path.Combine(dir, "lavaan_nonrecursive", "model.lav"),
                                "--cov", Path.Combine(dir, "lavaan_nonrecursive", "cov.csv"), "--nobs", "500", "--json", "-");
        Assert.True(code == 0, err);
        using (var doc = JsonDocument.Parse(json))
            Assert.Equal(1, doc.RootElement.GetProperty("fit").GetProperty("df").GetInt32());
    }

    [Fact]
    public void Fit_DefinedParametersAndModificationIndices_InJson()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Reference", "Sem", "sem_mediation_eq");
        var (code, json, err) = Run("sem", "fit", "--model", Path.Combine(dir, "model.lav"), "--data", Path.Combine(dir, "input.csv"),
                                    "--modindices", "--json", "-");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(json);
        var ab = doc.RootElement.GetProperty("estimates").EnumerateArray().Single(e => e.GetProperty("op").GetString() == ":=" &&
            e.GetProperty("lhs").GetString() == "ab");
        Assert.Equal("a*b", ab.GetProperty("rhs").GetString());
        Assert.True(ab.GetProperty("stdError").GetDouble() > 0);
        var mi = doc.RootElement.GetProperty("modificationIndices");
        Assert.Equal(("M", "~", "Y", 1), (mi[0].GetProperty("lhs").GetString(), mi[0].GetProperty("op").GetString(), mi[0].GetProperty("rhs").GetString(),
                                          mi[0].GetProperty("group").GetInt32()));
        Assert.Equal(5.50421719607099, mi[0].GetProperty("mi").GetDouble(), 4);
        foreach (var name in new[] { "epc", "sepcAll" }) Assert.Equal(JsonValueKind.Number, mi[0].GetProperty(name).ValueKind);
        (code, json, err) = Run("sem", "fit", "--model", Path.Combine(dir, "model.lav"), "--data", Path.Combine(dir, "input.csv"),
                                "--estimator", "mlm", "--json", "-");
        Assert.True(code == 0, err);
        using (var robust = JsonDocument.Parse(json))
            foreach (var name in new[] { "chisqScaled", "dfScaled", "pvalueScaled", "chisqScalingFactor", "cfiRobust", "tliRobust", "rmseaRobust" })
                Assert.Equal(JsonValueKind.Number, robust.RootElement.GetProperty("fit").GetProperty(name).ValueKind);
        var mlr = ReferenceFixture.Load("Sem/mlr_mediation");
        (code, json, err) = Run("sem", "fit", "--model", mlr.File("model.lav"), "--data", mlr.File("input.csv"), "--estimator", "mlr", "--json", "-");
        Assert.True(code == 0, err);
        using (var robust = JsonDocument.Parse(json))
        {
            double expected = mlr.Expected.GetProperty("fit").GetProperty("chisq.scaling.factor").GetDouble();
            double mine = robust.RootElement.GetProperty("fit").GetProperty("chisqScalingFactor").GetDouble();
            Assert.True(Math.Abs(mine - expected) <= mlr.Tolerance("fitRelative") * expected, $"MLR scaling factor {mine} vs lavaan {expected}");
        }
        (code, json, err) = Run("sem", "fit", "--model", mlr.File("model.lav"), "--data", mlr.File("input.csv"), "--se", "bootstrap", "--bootstrap",
                                "50", "--seed", "3", "--json", "-");
        Assert.True(code == 0, err);
        using (var boot = JsonDocument.Parse(json))
        {
            Assert.Equal(50, boot.RootElement.GetProperty("bootstrapDraws").GetInt32());
            var a = boot.RootElement.GetProperty("estimates").EnumerateArray().First(e => e.GetProperty("label").ValueKind == JsonValueKind.String);
            Assert.Equal(JsonValueKind.Number, a.GetProperty("ciLower").ValueKind);
        }
        (code, _, err) = Run("sem", "fit", "--model", mlr.File("model.lav"), "--data", mlr.File("input.csv"), "--bootstrap", "50");
        Assert.Equal(2, code);
        Assert.Contains("--se bootstrap", err);
        (code, _, err) = Run("sem", "fit", "--model", Path.Combine(dir, "model.lav"), "--cov",
                             Path.Combine(AppContext.BaseDirectory, "Reference", "Sem", "lavaan_nonrecursive", "cov.csv"), "--nobs", "500", "--estimator",
                                 "mlm");
        Assert.Equal(2, code);
        Assert.Contains("needs raw data", err);
        var contradictory = Temp("contra.lav", "M ~ a*X\nY ~ b*M\na > 1\na < 0\n");
        (code, _, err) = Run("sem", "fit", "--model", contradictory, "--data", Path.Combine(dir, "input.csv"));
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.Contains("contradict", err);
    }

    [Fact]
    public void BadInput_ExitsWithTwoAndOneErrorLine()
    {
        var singular = Temp("singular.json", """
            {"nodes":["a","b"],"directed":[{"from":"a","to":"b","weight":2},{"from":"b","to":"a","weight":0.5}],"variances":{"a":1,"b":1}}
            """);
        var (code, _, err) = Run("sem", "covariance", "--graph", singular);
        Assert.Equal(2, code);
        Assert.StartsWith("error: I - Lambda is singular", err);
        var model = Temp("bad.lav", "f =~ x1 + x2 +\n");
        (code, _, err) = Run("sem", "fit", "--model", model, "--data", Path.Combine(AppContext.BaseDirectory, "data", "sem", "HolzingerSwineford1939.csv"));
        Assert.Equal(2, code);
        Assert.Contains("line 1, column 14", err);
        var unid = Temp("unid.lav", "y1 ~ y2\ny2 ~ y1\n");
        (code, _, err) = Run("sem", "fit", "--model", unid, "--cov", Path.Combine(AppContext.BaseDirectory, "Reference", "Sem", "lavaan_nonrecursive",
            "cov.csv"), "--nobs", "500");
        Assert.Equal(2, code);
        Assert.Contains("not identified", err);
        (code, _, _) = Run("sem", "nonsense");
        Assert.Equal(2, code);
    }
}

public class SemReportSectionTests
{
    [Fact]
    public void Section_FitsShowsFiguresAndNamesItsData()
    {
        var context = new ReportContext(Path.Combine(AppContext.BaseDirectory, "data"), 20260101, TextWriter.Null, CancellationToken.None);
        var report = new Econometrics.Reporting.Report("test");
        var section = new Econometrics.Cli.ReportSections.SemSection();
        section.Write(report.AddSection(section.Title), context);
        var dir = Directory.CreateTempSubdirectory("econ-sem-report").FullName;
        report.WriteTo(dir);
        string md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("Linear structural equation models on mixed graphs", md);
        Assert.Contains("dem65 ~ dem60", md);
        Assert.Contains("s11 = (w11 + l31^2 w33 + l23^2 l31^2 w22) / det^2", md);
        Assert.Contains(context.DataFiles, f => f.Key.Contains("PoliticalDemocracy"));
        Assert.Contains("data:image/svg+xml;base64,", File.ReadAllText(Path.Combine(dir, "index.html")));
    }
}
