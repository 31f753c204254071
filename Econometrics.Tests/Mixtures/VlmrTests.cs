using Econometrics.Mixtures;
using Econometrics.Tests.Support;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Econometrics.Tests.Mixtures;

/// <summary>
/// The Vuong-Lo-Mendell-Rubin test (Mplus TECH11) against an independent Python transcription on simulated data
/// (Reference/Mixtures/vlmr/generate.py: its own likelihood, analytic casewise scores, Vuong's W formed literally, Imhof by
/// scipy's QAWF), and the weighted chi-square tail against closed forms.
/// </summary>
[VerifiesFixtures("Mixtures/vlmr")]
public sealed class VlmrTests
{
    private static readonly ReferenceFixture Fixture = MixtureFixtures.Fixture("vlmr");

    private static double[] Doubles(string key) => ReferenceFixture.Vector(Fixture.Expected.GetProperty(key));

    private static double Expected(string key) => Fixture.Expected.GetProperty(key).GetDouble();

    [Fact]
    public void VlmrMatchesTheIndependentTranscription()
    {
        var data = GrowthData.Load(MixtureFixtures.ReferencePath("vlmr", "sim.csv"), "id", "Y", "T");
        var r = new ClassEnumeration
        {
            MaxClasses = 2, VuongLoMendellRubin = true,
            Model = new GrowthMixture { Curve = GrowthCurve.Linear, Starts = 10, StandardErrors = false },
        }.Fit(data);
        double tl = Fixture.Tolerance("logLik"), te = Fixture.Tolerance("eigenvalues"), tp = Fixture.Tolerance("pValue");
        ReferenceFixture.Close(Expected("logLik1"), r.Fits[0].LogLikelihood, tl, "logLik K = 1");
        ReferenceFixture.Close(Expected("logLik2"), r.Fits[1].LogLikelihood, tl, "logLik K = 2");
        Assert.Null(r.Vlmr![0]);
        var v = r.Vlmr[1]!;
        ReferenceFixture.Close(Expected("likelihoodRatio"), v.LikelihoodRatio, 2 * tl, "LR");
        Assert.Equal(Fixture.Expected.GetProperty("parameterDifference").GetInt32(), v.ParameterDifference);
        var lambda = Doubles("eigenvalues");
        Assert.Equal(lambda.Length, v.Eigenvalues.Count);
        for (int j = 0; j < lambda.Length; j++)   // absolute: the near-zero ones are differencing noise on both sides
            Assert.True(Math.Abs(lambda[j] - v.Eigenvalues[j]) <= te, $"eigenvalue {j + 1}: expected {lambda[j]}, got {v.Eigenvalues[j]}");
        ReferenceFixture.Close(Expected("mean"), v.Mean, te * lambda.Length, "mean");
        ReferenceFixture.Close(Expected("standardDeviation"), v.StandardDeviation, te * lambda.Length, "sd");
        ReferenceFixture.Close(Expected("pValue"), v.PValue, tp, "VLMR p");
        ReferenceFixture.Close(Expected("adjustedStatistic"), v.AdjustedStatistic, 2 * tl, "adjusted LR");
        ReferenceFixture.Close(Expected("adjustedPValue"), v.AdjustedPValue, tp, "adjusted LMR p");
        Assert.Equal(v.PValue, r.Models[1].VlmrP);
        Assert.Equal(v.AdjustedPValue, r.Models[1].AdjustedLmrP);
        Assert.Contains("\"vlmrP\": 0.0843", r.ToJson());
        Assert.Contains("VLMR p", r.ToString());
    }

    /// <summary>Our tail at the transcription's eigenvalues against scipy's Fourier-weighted quadrature of the same integral.</summary>
    [Fact]
    public void TailAgreesWithScipyAtTheFixtureEigenvalues()
    {
        var lambda = Doubles("eigenvalues");
        double t = Fixture.Tolerance("tailFromEigenvalues");
        ReferenceFixture.Close(Expected("pValue"), WeightedChiSquare.Survival(lambda, Expected("likelihoodRatio")), t, "p");
        ReferenceFixture.Close(Expected("adjustedPValue"), WeightedChiSquare.Survival(lambda, Expected("adjustedStatistic")), t, "adjusted p");
    }

    /// <summary>Equal weights give λ χ²_r (r = 1 is Imhof's slowest, u^{-3/2}, tail); two pairs of opposite signs
    /// give 2a E₁ − 2b E₂ with E exponential, P(Q &gt; x) = a/(a + b) e^{−x/(2a)} for x ≥ 0.</summary>
    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(1, 3.841458820694124)]
    [InlineData(2, 1.0)]
    [InlineData(5, 11.0705)]
    [InlineData(10, 2.0)]
    [InlineData(3, 40.0)]
    public void EqualWeightsAreChiSquare(int r, double x)
    {
        foreach (double scale in new[] { 1.0, 0.25, 7.0 })
            Assert.Equal(1 - ChiSquared.CDF(r, x), WeightedChiSquare.Survival(Enumerable.Repeat(scale, r).ToArray(), x * scale), 9);
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.7)]
    [InlineData(2.0, 0.5, 3.0)]
    [InlineData(0.3, 1.7, 0.01)]
    [InlineData(1.0, 3.0, 12.0)]
    public void OppositeSignedPairsHaveTheirClosedForm(double a, double b, double x)
    {
        double exact = a / (a + b) * Math.Exp(-x / (2 * a));
        Assert.Equal(exact, WeightedChiSquare.Survival([a, a, -b, -b], x), 9);
        // P(Q > −x) = 1 − P(−Q ≥ x), −Q the same law with a and b swapped.
        Assert.Equal(1 - b / (a + b) * Math.Exp(-x / (2 * b)), WeightedChiSquare.Survival([a, a, -b, -b], -x), 9);
    }

    [Fact]
    public void EdgesAndBadWeights()
    {
        Assert.Equal(1.0, WeightedChiSquare.Survival([1.0, 2.0], 0));
        Assert.Equal(0.0, WeightedChiSquare.Survival([-1.0, -2.0], 0));
        Assert.Equal(0.5, WeightedChiSquare.Survival([1.0, -1.0], 0), 9);
        Assert.Equal(1 - ChiSquared.CDF(2, 3), WeightedChiSquare.Survival([1.0, 1.0, 1e-15], 3), 9);   // negligible weight dropped
        Assert.Throws<ArgumentException>(() => WeightedChiSquare.Survival([0.0, 0.0], 1));
        Assert.Throws<ArgumentException>(() => WeightedChiSquare.Survival([1.0, double.NaN], 1));
        var (mean, sd) = WeightedChiSquare.Moments([1.0, 2.0, -1.0]);
        Assert.Equal(2.0, mean, 12);
        Assert.Equal(Math.Sqrt(12), sd, 12);
    }
}
