using Econometrics.Panel.Estimators;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>Degenerate designs get a named dropped term or a clear error, never a silent NaN.</summary>
public sealed class EstimatorBadInputTests
{
    /// <summary>Writes a long panel (unit, time, y, x1, x2, x3, c) with x3 = 2 x1 - x2 and c constant within units.</summary>
    private static PanelData Panel(int n, int t, int seed = 3)
    {
        var rng = new Random(seed);
        var path = Path.Combine(Path.GetTempPath(), $"panel-bad-{Guid.NewGuid():N}.csv");
        using (var w = new StreamWriter(path))
        {
            w.WriteLine("unit,time,y,x1,x2,x3,c");
            for (int i = 0; i < n; i++)
                for (int s = 0; s < t; s++)
                {
                    double x1 = rng.NextDouble(), x2 = rng.NextDouble(), y = x1 - x2 + i + rng.NextDouble();
                    w.WriteLine(FormattableString.Invariant($"u{i},{2000 + s},{y:R},{x1:R},{x2:R},{2 * x1 - x2:R},{i * 1.5:R}"));
                }
        }
        try { return PanelData.Load(path, "unit", "time"); }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData(PanelModel.Pooled)]
    [InlineData(PanelModel.FixedEffects)]
    [InlineData(PanelModel.RandomEffects)]
    [InlineData(PanelModel.FirstDifferences)]
    public void Perfectly_collinear_regressor_is_dropped_and_named(PanelModel model)
    {
        var fit = new PanelRegression("y ~ x1 + x2 + x3", model).Fit(Panel(8, 6));
        Assert.DoesNotContain(fit.Coefficients, c => c.Term == "x3");
        var d = Assert.Single(fit.Diagnostics, d => d.Code == "term-aliased");
        Assert.Contains("'x3'", d.Message, StringComparison.Ordinal);
        Assert.All(fit.Coefficients, c => Assert.True(c.StdError is { } se && double.IsFinite(se)));
    }

    /// <summary>
    /// x3 = 2 x1 - x2 + noise z: its relative residual on x1 and x2 is about 0.45 noise, so R's 1e-7 tolerance keeps it
    /// at noise 1e-6 and drops it at 1e-9. Both are inside the Gram screen's 100x margin, so the column-by-column QR
    /// check decides; at noise 1e-3 the screen alone keeps every column.
    /// </summary>
    [Theory]
    [InlineData(1e-9, false)]
    [InlineData(1e-6, true)]
    [InlineData(1e-3, true)]
    public void Nearly_collinear_regressor_follows_R_tolerance(double noise, bool kept)
    {
        var rng = new Random(5);
        var path = Path.Combine(Path.GetTempPath(), $"panel-near-{Guid.NewGuid():N}.csv");
        using (var w = new StreamWriter(path))
        {
            w.WriteLine("unit,time,y,x1,x2,x3");
            for (int i = 0; i < 30; i++)
                for (int s = 0; s < 8; s++)
                {
                    double x1 = rng.NextDouble(), x2 = rng.NextDouble(), x3 = 2 * x1 - x2 + noise * rng.NextDouble();
                    w.WriteLine(FormattableString.Invariant($"u{i},{s},{x1 - x2 + i + rng.NextDouble():R},{x1:R},{x2:R},{x3:R}"));
                }
        }
        PanelData panel;
        try { panel = PanelData.Load(path, "unit", "time"); }
        finally { File.Delete(path); }
        var fit = new PanelRegression("y ~ x1 + x2 + x3", PanelModel.FixedEffects) { Covariance = PanelCovariance.Cluster }.Fit(panel);
        Assert.Equal(kept, fit.Coefficients.Any(c => c.Term == "x3"));
        Assert.Equal(!kept, fit.Diagnostics.Any(d => d.Code == "term-aliased" && d.Message.Contains("'x3'", StringComparison.Ordinal)));
        Assert.All(fit.Coefficients, c => Assert.True(c.StdError is { } se && double.IsFinite(se) && se > 0));
    }

    [Fact]
    public void Regressor_constant_within_units_is_dropped_under_fixed_effects_and_kept_under_pooling()
    {
        var panel = Panel(8, 6);
        var fe = new PanelRegression("y ~ x1 + c", PanelModel.FixedEffects).Fit(panel);
        Assert.Equal(["x1"], fe.Coefficients.Select(c => c.Term));
        Assert.Contains(fe.Diagnostics, d => d.Code == "term-absorbed" && d.Message.Contains("'c'", StringComparison.Ordinal));
        var pooled = new PanelRegression("y ~ x1 + c", PanelModel.Pooled).Fit(panel);
        Assert.Contains(pooled.Coefficients, c => c.Term == "c");
    }

    [Fact]
    public void Only_absorbed_regressors_is_an_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PanelRegression("y ~ c", PanelModel.FixedEffects).Fit(Panel(8, 6)));
        Assert.Contains("No regressor", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PanelModel.FixedEffects)]
    [InlineData(PanelModel.TwoWayFixedEffects)]
    [InlineData(PanelModel.RandomEffects)]
    [InlineData(PanelModel.FirstDifferences)]
    public void Single_period_is_an_error(PanelModel model)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PanelRegression("y ~ x1", model).Fit(Panel(20, 1)));
        Assert.Contains("at least 2 periods", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_two_clusters_is_an_error()
    {
        var panel = Panel(1, 30);
        var ex = Assert.Throws<ArgumentException>(() =>
            new PanelRegression("y ~ x1", PanelModel.Pooled) { Covariance = PanelCovariance.Cluster }.Fit(panel));
        Assert.Contains("at least 2 clusters", ex.Message, StringComparison.Ordinal);
        Assert.Equal("vcov", ex.ParamName);
    }

    [Fact]
    public void Lags_beyond_the_panel_are_an_error()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new PanelRegression("y ~ x1", PanelModel.FixedEffects) { Covariance = PanelCovariance.DriscollKraay(6) }.Fit(Panel(8, 6)));
        Assert.Contains("beyond the panel's 6 period(s)", ex.Message, StringComparison.Ordinal);
        Assert.Equal("lags", ex.ParamName);
        Assert.Throws<ArgumentException>(() => PanelCovariance.Parse("cluster", 2));
        Assert.Throws<ArgumentException>(() => PanelCovariance.Parse("robust"));
    }

    [Fact]
    public void Estimator_specific_variances_reject_other_covariances()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new PanelRegression("y ~ x1", PanelModel.CceMeanGroup) { Covariance = PanelCovariance.Cluster }.Fit(Panel(8, 12)));
        Assert.Equal("vcov", ex.ParamName);
        Assert.Throws<ArgumentException>(() =>
            new PanelRegression("y ~ x1", PanelModel.FixedEffects) { Covariance = PanelCovariance.MeanGroup }.Fit(Panel(8, 6)));
    }

    [Fact]
    public void Singletons_are_reported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"panel-single-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "unit,time,y,x\na,1,1,0.5\na,2,2,1.7\na,3,2.5,2.1\nb,1,3,1\nb,2,1,0.2\nb,3,4,3.3\nc,1,5,2\n");
        try
        {
            var fit = new PanelRegression("y ~ x", PanelModel.FixedEffects).Fit(PanelData.Load(path, "unit", "time"));
            Assert.Contains(fit.Diagnostics, d => d.Code == "singletons");
            Assert.Equal(7, fit.NObs);
        }
        finally { File.Delete(path); }
    }
}
