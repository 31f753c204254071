using System.Text.Json;
using Econometrics.Compositional;
using Econometrics.Reporting;
using Xunit;

namespace Econometrics.Tests.Compositional;

/// <summary>Summaries, JSON and plots of the partial-correlation result; multiple testing against known R output.</summary>
public sealed class RenderingTests
{
    [Fact]
    public void Summary_renders_in_every_format_without_NaN()
    {
        var r = new PartialCorrelations().Estimate(ResearchNoteValueTests.Cups());
        var text = r.ToString();
        Assert.Contains("t(37) with df = n - D + 1", text);
        Assert.Contains("Strongest 25 of 55 pairs", text);
        Assert.Contains("Al-Fe", text);
        Assert.DoesNotContain("NaN", text);
        Assert.Contains("<table", r.ToHtml());
        Assert.Contains("| Al-Fe |", r.ToMarkdown());
        var json = JsonDocument.Parse(r.ToJson()).RootElement;
        Assert.Equal("clrPseudoInverse", json.GetProperty("route").GetString());
        Assert.DoesNotContain("NaN", r.ToJson());
        var shrunk = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage }.Estimate(ResearchNoteValueTests.Cups());
        Assert.Contains("Shrinkage lambda:", shrunk.ToString());
        Assert.Equal(TestValidity.NotApplicable, shrunk.Test("Al", "Fe").Validity);
        Assert.Null(shrunk.PValues);
        Assert.Contains("after shrinkage", Assert.Throws<InvalidOperationException>(() => shrunk.ConfidenceInterval("Al", "Fe")).Message);
    }

    [Fact]
    public void With_n_equal_to_D_the_estimates_exist_but_the_tests_do_not()
    {
        var x = InvariantTests.Random(5, 6, 6);
        var r = new PartialCorrelations().Estimate(x);
        Assert.False(r.Tests.Available);
        Assert.Contains(r.Diagnostics, d => d.Code == "no-tests" && d.Message.Contains("n > D (6 samples, 6 parts)"));
        Assert.True(r.PartialCorrelation.Enumerate().All(double.IsFinite));
        var json = JsonDocument.Parse(r.ToJson()).RootElement;
        foreach (var untested in new[] { "pValues", "adjustedPValues", "fisherPValues", "lower", "upper" })
            Assert.Equal(JsonValueKind.Null, json.GetProperty(untested).ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("df").ValueKind);
        Assert.Equal(TestValidity.NotApplicable, r.Test("x1", "x2").Validity);
        Assert.DoesNotContain("NaN", r.ToString());
        Assert.Throws<ArgumentException>(() => new PartialCorrelations().Estimate(InvariantTests.Random(5, 5, 6)));
    }

    [Fact]
    public void Plots_draw()
    {
        var r = new PartialCorrelations().Estimate(ResearchNoteValueTests.Cups());
        Assert.Contains("<svg", r.PlotHeatmap().ToSvg());
        var net = r.PlotNetwork();
        Assert.Contains("<svg", net.ToSvg());
        Assert.Contains("Partial correlations, adjusted p < 0.05", net.Axes.Title.Label.Text);
        Assert.Contains("<svg", ResearchNoteValueTests.Cups().PlotTernary("Na", "Ca", "Si").ToSvg());
    }

    [Fact]
    public void Clustered_order_groups_strongly_correlated_parts()
    {
        var rho = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 1, 0.0, 0.9, 0.0 }, { 0.0, 1, 0.0, 0.8 }, { 0.9, 0.0, 1, 0.1 }, { 0.0, 0.8, 0.1, 1 },
        });
        var order = HierarchicalOrder.Of(rho);
        int Pos(int k) => Array.IndexOf(order, k);
        Assert.Equal(1, Math.Abs(Pos(0) - Pos(2)));
        Assert.Equal(1, Math.Abs(Pos(1) - Pos(3)));
    }

    [Fact]
    public void Holm_and_BH_equal_R_p_adjust()
    {
        // R: p <- c(0.01, 0.02, 0.03, 0.04, 0.05, NA, 0.5); p.adjust(p, "holm"); p.adjust(p, "BH")
        double[] p = [0.01, 0.02, 0.03, 0.04, 0.05, double.NaN, 0.5];
        var holm = MultipleTesting.Adjust(p, PValueAdjustment.Holm);
        var bh = MultipleTesting.Adjust(p, PValueAdjustment.BenjaminiHochberg);
        double[] holmR = [0.06, 0.10, 0.12, 0.12, 0.12, double.NaN, 0.50];
        double[] bhR = [0.06, 0.06, 0.06, 0.06, 0.06, double.NaN, 0.50];
        for (int i = 0; i < p.Length; i++)
        {
            Assert.Equal(holmR[i], holm[i], 14);
            Assert.Equal(bhR[i], bh[i], 14);
        }
        Assert.Throws<ArgumentException>(() => MultipleTesting.Adjust([1.2], PValueAdjustment.Holm));
    }
}
