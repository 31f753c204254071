using Econometrics.Panel.Estimators;
using Econometrics.Panel.Simulation;
using Xunit;

namespace Econometrics.Tests.Panel;

/// <summary>The issue's Monte Carlo acceptance (N = T = 100, 500 replications): size of CD*, CD_W; CD's bias; CD*'s spatial power.</summary>
[Trait("Category", "MonteCarlo")]
public sealed class MonteCarloTests
{
    private static readonly CdMonteCarlo Null = new() { Dgp = new FactorPanelDgp(), Grid = [(100, 100)], Replications = 500, Seed = 42 };

    [Support.MonteCarloFact]
    public void Strong_factor_null_cd_star_and_cd_w_are_sized_while_cd_over_rejects()
    {
        var cell = Null.Simulate().Cells[0];
        Assert.InRange(cell.Rate("CDStar"), 0.025, 0.08);
        Assert.InRange(cell.Rate("CDw"), 0.025, 0.08);
        Assert.True(cell.Rate("CD") > 0.5, $"CD rejected {cell.Rate("CD"):P1}");
        Assert.Equal(500, cell.Replications);
    }

    [Support.MonteCarloFact]
    public void Spatial_network_alternative_cd_star_has_power()
    {
        var alt = Null with { Dgp = new FactorPanelDgp { SpatialDelta = 0.8, NetworkNeighbours = 5 } };
        var cell = alt.Simulate().Cells[0];
        Assert.True(cell.Rate("CDStar") > 0.5, $"CD* power {cell.Rate("CDStar"):P1}");
    }

    [Support.MonteCarloFact]
    public void Cce_regression_cd_star_on_partial_residuals_is_sized()
    {
        // y = x + gamma_i f_t + e, x loading on f: CCE mean group; CD* sees y - x'b_i (factor part kept), CD the CCE residuals.
        var cce = Null with { Dgp = new FactorPanelDgp { IncludeRegressor = true }, Grid = [(50, 50)], Replications = 300, Model = PanelModel.CceMeanGroup };
        var cell = cce.Simulate().Cells[0];
        Assert.InRange(cell.Rate("CDStar"), 0.025, 0.08);
        Assert.InRange(cell.Rate("CDw"), 0.025, 0.08);
        Assert.True(cell.Rate("CD") > 0.5, $"CD rejected {cell.Rate("CD"):P1}");
    }
}
