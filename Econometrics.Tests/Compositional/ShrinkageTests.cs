using Econometrics.Tests.Support;
using Econometrics.Compositional;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;
using Xunit;
using static Econometrics.Tests.Compositional.CodaFixture;

namespace Econometrics.Tests.Compositional;

/// <summary>Schafer-Strimmer shrinkage and basis-shrinkage partial correlations for p &gt; n against corpcor (fixture pn_shrinkage).</summary>
[VerifiesFixtures("Compositional/pn_shrinkage")]
public sealed class ShrinkageTests
{
    private static Composition Input() => Composition.Load(Path.Combine(Folder("pn_shrinkage"), "input.csv"));

    [Fact]
    public void Intensities_covariance_and_partial_correlations_match_corpcor_for_p_greater_than_n()
    {
        var e = Expected("pn_shrinkage");
        var x = Input();
        Assert.Equal(12, x.NObs);
        Assert.Equal(40, x.NParts);
        var basis = x.Closure().Values.PointwiseLog();
        var s = new SchaferStrimmerShrinkage().Estimate(basis);
        Assert.Equal(e.GetProperty("lambda").GetDouble(), s.Lambda, 10);
        Assert.Equal(e.GetProperty("lambdaVar").GetDouble(), s.LambdaVar, 10);
        AssertClose(Matrix(e.GetProperty("basisCovariance")), s.Covariance, 1e-10, "cov.shrink");
        var r = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage }.Estimate(x);
        Assert.Equal(s.Lambda, r.Shrinkage!.Lambda);
        AssertClose(Matrix(e.GetProperty("partialCorrelation")), r.PartialCorrelation, 1e-9, "pcor.bshrink");
        Assert.Contains(r.Diagnostics, d => d.Code == "shrinkage" && d.Message.Contains("lambda = 0.905306"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.01)]
    [InlineData(1.0)]
    public void Low_rank_precision_equals_the_direct_pseudo_inverse(double? lambda)
    {
        // n = 15 < D = 60: Omega from the 15-dimensional sample space (Woodbury) against (Gamma + J)^-1 - J.
        var x = InvariantTests.Random(7, 15, 60);
        var la = Econometrics.LinearAlgebra.LinearAlgebraBackends.Default;
        var basis = x.Closure().Values.PointwiseLog();
        var shrinkage = new SchaferStrimmerShrinkage { Lambda = lambda };
        var s = shrinkage.Estimate(basis);
        var factors = shrinkage.Factor(basis, la);
        Assert.Equal(s.Lambda, factors.Lambda);
        var lowRank = LogRatioPrecision.FromShrunkLowRank(factors, la);
        var gamma = LogRatioPrecision.DoubleCentre(s.Covariance);
        var direct = LogRatioPrecision.FromClrCovariance(gamma, la);
        Assert.NotNull(lowRank);
        AssertClose(direct!, lowRank!, 1e-9 * direct!.Enumerate().Max(Math.Abs), "Omega");
        // The D x D outputs from one SYRK of the data equal double centring of the formed covariances.
        var (g, variation, proportionality) = LogRatioMeasures.FromShrinkageFactors(factors, la);
        var sample = LogRatioPrecision.DoubleCentre(s.SampleCovariance!);
        double scale = gamma.Enumerate().Max(Math.Abs);
        AssertClose(gamma, g, 1e-13 * scale, "shrunk clr covariance");
        AssertClose(LogRatioMeasures.VariationFromClrCovariance(sample), variation, 1e-13 * scale, "variation");
        AssertClose(LogRatioMeasures.ProportionalityFromClrCovariance(sample), proportionality, 1e-12, "proportionality");
    }

    [Fact]
    public void Basis_shrinkage_with_fewer_samples_than_parts_equals_the_dense_computation()
    {
        // The estimator's n < D path (no D x D covariance formed) against the dense route on the same data: the alr route
        // forms the shrunk covariance and inverts it, and the measures come from the formed sample covariance.
        var x = InvariantTests.Random(11, 20, 70);
        var fast = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage }.Estimate(x);
        var dense = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage, Route = PartialCorrelationRoute.AlrInverse }
            .Estimate(x);
        Assert.Equal(dense.Shrinkage!.Lambda, fast.Shrinkage!.Lambda, 14);
        Assert.Equal(dense.Shrinkage.LambdaVar, fast.Shrinkage.LambdaVar, 14);
        AssertClose(dense.PartialCorrelation, fast.PartialCorrelation, 1e-9, "pcor");
        double scale = dense.ClrCovariance.Enumerate().Max(Math.Abs);
        AssertClose(dense.ClrCovariance, fast.ClrCovariance, 1e-13 * scale, "clr covariance");
        AssertClose(dense.Variation, fast.Variation, 1e-13 * scale, "variation");
        AssertClose(dense.Proportionality, fast.Proportionality, 1e-12, "proportionality");
    }

    [Fact]
    public void Pairwise_measures_are_formed_once_on_first_use_from_any_thread()
    {
        var x = InvariantTests.Random(12, 20, 70);
        var r = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage }.Estimate(x);
        var seen = new Matrix<double>[16];
        Parallel.For(0, seen.Length, k => seen[k] = r.Proportionality);
        Assert.All(seen, m => Assert.Same(seen[0], m));
        Assert.Same(r.Variation, (r with { Fdr = null }).Variation);
        // And they are the sample measures of the data: var(log(x_0/x_1)) and rho_p = 1 - that / (var clr_0 + var clr_1).
        var clr = x.Clr();
        double t01 = Enumerable.Range(0, x.NObs).Select(i => Math.Log(x[i, 0] / x[i, 1])).Variance();
        Assert.Equal(t01, r.Variation[0, 1], 12);
        Assert.Equal(1 - t01 / (clr.Column(0).Variance() + clr.Column(1).Variance()), r.Proportionality[0, 1], 12);
    }

    [Fact]
    public void Fixed_intensities_match_corpcor()
    {
        var e = Expected("pn_shrinkage");
        var r = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage, Lambda = 0.3, LambdaVar = 0.1 }.Estimate(Input());
        Assert.Equal(0.3, r.Shrinkage!.Lambda);
        Assert.Equal(0.1, r.Shrinkage.LambdaVar);
        AssertClose(Matrix(e.GetProperty("fixedPartialCorrelation")), r.PartialCorrelation, 1e-9, "fixed");
    }

    [Fact]
    public void Sample_covariance_with_p_greater_than_n_is_an_error_that_points_to_shrinkage()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PartialCorrelations().Estimate(Input()));
        Assert.Equal("composition", ex.ParamName);
        Assert.Contains("12 samples for 40 parts", ex.Message);
        Assert.Contains("shrink", ex.Message);
        // Proportional parts make the covariance singular even with n > D; Cholesky alone would not notice.
        var v = InvariantTests.Random(3, 30, 5).Values;
        var dup = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(30, 6, (i, j) => j < 5 ? v[i, j] : 2 * v[i, 0]);
        foreach (var route in new[] { PartialCorrelationRoute.ClrPseudoInverse, PartialCorrelationRoute.AlrInverse })
        {
            var c = Assert.Throws<ArgumentException>(() => new PartialCorrelations { Route = route }.Estimate(Composition.From(dup)));
            Assert.Contains("proportional parts", c.Message);
        }
        Assert.True(new PartialCorrelations
        {
            Covariance = CompositionalCovariance.BasisShrinkage
        }.Estimate(Composition.From(dup)).PartialCorrelation.Enumerate().All(double.IsFinite));
    }

    [Fact]
    public void Intensities_outside_the_unit_interval_are_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SchaferStrimmerShrinkage { Lambda = 1.5 }.Estimate(Matrix<double>.Build.Random(10, 3,
            1)));
        Assert.Equal("Lambda", ex.ParamName);
        var constant = Matrix<double>.Build.Dense(5, 2, (i, j) => j == 0 ? 1.0 : i);
        var c = Assert.Throws<ArgumentException>(() => new SchaferStrimmerShrinkage().Estimate(constant, ["a", "b"]));
        Assert.Contains("'a' is constant", c.Message);
        // The first non-finite value in column order is named, as a 1-based row within its column.
        var holes = Matrix<double>.Build.Dense(6, 3, (i, j) => i * 1.5 + j * j);
        holes[4, 1] = double.NaN;
        holes[1, 2] = double.PositiveInfinity;
        var h = Assert.Throws<ArgumentException>(() => new SchaferStrimmerShrinkage().Estimate(holes, ["a", "b", "c"]));
        Assert.Contains("Column 'b' has a non-finite value in row 5.", h.Message);
    }
}
