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
    public void Panel_and_compositional_estimators_honour_their_backend_option()
    {
        var grunfeld = Econometrics.PanelData.Load(Path.Combine(AppContext.BaseDirectory, "data", "grunfeld.csv"), "firm", "year");
        var cups = Econometrics.Composition.Load(Path.Combine(AppContext.BaseDirectory, "data", "coda", "roman_cups.csv"));
        var other = LinearAlgebraBackends.OpenBlas ?? LinearAlgebraBackends.Managed;
        double[] Fe(ILinearAlgebra b) => new Econometrics.Panel.Estimators.PanelRegression("inv ~ value + capital", Econometrics.Panel.Estimators.PanelModel.FixedEffects)
        { Backend = b }.Fit(grunfeld).Coefficients.Select(c => c.Estimate).ToArray();
        double[] Pcor(ILinearAlgebra b) => new Econometrics.Compositional.PartialCorrelations { Backend = b }.Estimate(cups)
            .PartialCorrelation.Enumerate().ToArray();
        var feManaged = Fe(LinearAlgebraBackends.Managed);
        var pcorOther = Pcor(other);
        Assert.Equal(feManaged, Fe(LinearAlgebraBackends.Managed));
        Assert.Equal(pcorOther, Pcor(other));
        Close.Arrays(feManaged, Fe(other), 1e-10, "FE coefficients, managed vs OpenBLAS");
        Close.Arrays(Pcor(LinearAlgebraBackends.Managed), pcorOther, 1e-10, "partial correlations, managed vs OpenBLAS");
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

/// <summary>Every estimator that can reach the dense linear-algebra seam takes the backend as an option.</summary>
public sealed class BackendOptionConventionTests
{
    private static readonly string[] SeamNamespaces = ["Econometrics.Panel", "Econometrics.Compositional", "Econometrics.Causal.Invariance"];

    // Estimators in those namespaces that never reach the seam: hiddenICP's algebra is p x p (Math.NET's managed code,
    // which no process state can switch), and the PAC experiment is a generator over population SEMs.
    private static readonly HashSet<string> NoDenseAlgebra = ["HiddenInvariantCausalPrediction", "PacTransferExperiment"];

    [Fact]
    public void Estimators_in_the_seam_namespaces_have_a_Backend_option()
    {
        var verbs = new HashSet<string> { "Fit", "Estimate", "Test", "Simulate" };
        var assemblies = new[] { typeof(Econometrics.Result).Assembly, typeof(InvariantCausalPrediction).Assembly };
        var missing = assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && !typeof(Econometrics.Result).IsAssignableFrom(t) && SeamNamespaces.Any(n => t.Namespace?.StartsWith(n, StringComparison.Ordinal) == true))
            .Where(t => t.GetMethods().Any(m => m.DeclaringType == t && !m.IsStatic && verbs.Contains(m.Name) && typeof(Econometrics.Result).IsAssignableFrom(m.ReturnType)))
            .Where(t => !NoDenseAlgebra.Contains(t.Name))
            .Where(t => t.GetProperty("Backend")?.PropertyType != typeof(ILinearAlgebra))
            .Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "no Backend option: " + string.Join(", ", missing));
    }
}
