using Econometrics.Causal.Invariance;
using Econometrics.LinearAlgebra;
using Econometrics.Tests.Invariance;
using Econometrics.Tests.Support;

namespace Econometrics.Tests.LinearAlgebra;

/// <summary>The per-estimator backend option: no hidden process state decides which backend a fit uses.</summary>
public sealed class BackendOptionTests
{
    private static double[] IcpSetPValues(ILinearAlgebra backend, Environments data) =>
        new InvariantCausalPrediction { Alpha = 0.05, Backend = backend }.Fit(data).Sets.Select(s => s.PValue).ToArray();

    private static double[] AnchorCoefficients(ILinearAlgebra backend, Environments data) =>
        new AnchorRegression { Gamma = 4, Backend = backend }.Fit(data).Coefficients.ToArray();

    [Fact]
    public void Two_estimators_on_different_backends_in_one_process_are_each_deterministic()
    {
        var data = Fixtures.Sim();
        var managed = LinearAlgebraBackends.Managed;
        var other = LinearAlgebraBackends.OpenBlas ?? managed;
        // Interleave the backends: each result must be bit-identical to its first run whatever ran in between.
        var icpManaged = IcpSetPValues(managed, data);
        var anchorOther = AnchorCoefficients(other, data);
        var icpOther = IcpSetPValues(other, data);
        var anchorManaged = AnchorCoefficients(managed, data);
        for (int round = 0; round < 2; round++)
        {
            Assert.Equal(anchorOther, AnchorCoefficients(other, data));
            Assert.Equal(icpManaged, IcpSetPValues(managed, data));
            Assert.Equal(anchorManaged, AnchorCoefficients(managed, data));
            Assert.Equal(icpOther, IcpSetPValues(other, data));
        }
        // And the backends agree with each other to rounding.
        Close.Arrays(icpManaged, icpOther, 1e-9, "ICP set p-values, managed vs OpenBLAS");
        Close.Arrays(anchorManaged, anchorOther, 1e-10, "anchor regression, managed vs OpenBLAS");
    }

    [Fact]
    public void The_default_backend_is_used_when_no_backend_is_given()
    {
        var data = Fixtures.Sim();
        Assert.Equal(IcpSetPValues(LinearAlgebraBackends.Default, data),
            new InvariantCausalPrediction { Alpha = 0.05 }.Fit(data).Sets.Select(s => s.PValue).ToArray());
        Assert.Equal(AnchorCoefficients(LinearAlgebraBackends.Default, data),
            new AnchorRegression { Gamma = 4 }.Fit(data).Coefficients.ToArray());
    }
}
