using Econometrics.Tests.Support;
using System.Text.Json;
using Econometrics.Compositional;
using Xunit;
using static Econometrics.Tests.Compositional.CodaFixture;

namespace Econometrics.Tests.Compositional;

/// <summary>Every measure against the R/corpcor fixture <c>Reference/Compositional/lr_pcor</c> on six data sets.</summary>
[VerifiesFixtures("Compositional/lr_pcor")]
public sealed class PartialCorrelationReferenceTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "toy", "" },
        { "cups", "roman_cups.csv" },
        { "hongite", "hongite.csv" },
        { "arcticLake", "arctic_lake.csv" },
        { "skyeAfm", "skye_afm.csv" },
        { "householdExpenditures", "household_expenditures.csv" },
    };

    internal static Composition Load(string name, string file, JsonElement c) =>
        file.Length == 0
            ? Composition.From(new double[,] { { 1, 2, 3, 4 }, { 2, 1, 4, 3 }, { 3, 5, 1, 2 }, { 4, 3, 2, 6 }, { 5, 4, 6, 1 }, { 2, 6, 5, 3 } },
                c.GetProperty("parts").EnumerateArray().Select(p => p.GetString()!).ToArray())
            : Composition(c, file);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Partial_correlations_and_variances_match_corpcor_on_both_routes(string name, string file)
    {
        var c = Expected("lr_pcor").GetProperty(name);
        var x = Load(name, file, c);
        foreach (var route in new[] { PartialCorrelationRoute.ClrPseudoInverse, PartialCorrelationRoute.AlrInverse })
        {
            var r = new PartialCorrelations { Route = route }.Estimate(x);
            AssertClose(Matrix(c.GetProperty("partialCorrelation")), r.PartialCorrelation, 1e-10, $"{name} {route} pcor");
            AssertClose(Vector(c.GetProperty("partialVariance")), r.PartialVariance.ToArray(), 1e-9, $"{name} {route} pvar", relative: true);
        }
        // corpcor on alr(reference = first part) gives the same numbers for the other parts.
        var first = new PartialCorrelations { Route = PartialCorrelationRoute.AlrInverse, AlrReference = x.Parts[0] }.Estimate(x);
        int d = x.NParts;
        AssertClose(Matrix(c.GetProperty("partialCorrelationAlrFirst")), first.PartialCorrelation.SubMatrix(1, d - 1, 1, d - 1), 1e-10, $"{name} alr first");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pairwise_measures_match_R(string name, string file)
    {
        var c = Expected("lr_pcor").GetProperty(name);
        var x = Load(name, file, c);
        AssertClose(Matrix(c.GetProperty("variation")), LogRatioMeasures.Variation(x), 1e-12, "variation");
        AssertClose(Matrix(c.GetProperty("clrCovariance")), LogRatioMeasures.ClrCovariance(x), 1e-12, "clr covariance");
        AssertClose(Matrix(c.GetProperty("clrCorrelation")), LogRatioMeasures.ClrCorrelation(x), 1e-10, "clr correlation");
        AssertClose(Matrix(c.GetProperty("proportionality")), LogRatioMeasures.Proportionality(x), 1e-10, "rho_p");
        AssertClose(Matrix(c.GetProperty("phi")), LogRatioMeasures.Phi(x), 1e-9, "phi");
        AssertClose(Matrix(c.GetProperty("phs")), LogRatioMeasures.PhiS(x), 1e-9, "phs");
        Assert.Equal(c.GetProperty("totalVariance").GetDouble(), LogRatioMeasures.TotalVariance(x), 12);
        var r = new PartialCorrelations().Estimate(x);
        AssertClose(Matrix(c.GetProperty("variation")), r.Variation, 1e-12, "result variation");
        AssertClose(Matrix(c.GetProperty("proportionality")), r.Proportionality, 1e-10, "result rho_p");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tests_intervals_and_adjustments_match_R(string name, string file)
    {
        var c = Expected("lr_pcor").GetProperty(name);
        var x = Load(name, file, c);
        var bh = new PartialCorrelations().Estimate(x);
        if (x.NObs <= x.NParts) { Assert.False(bh.Tests.Available); return; }
        Assert.True(bh.Tests.Available);
        Assert.Same(bh.Tests, bh.Tests);   // formed once, on first use
        Assert.Equal(c.GetProperty("df").GetInt32(), bh.Tests.Df);
        Assert.Equal(x.NObs - x.NParts + 1, bh.Tests.Df);
        AssertClose(Matrix(c.GetProperty("t")), bh.Tests.Statistic, 1e-8, "t");
        AssertClose(Matrix(c.GetProperty("pValues")), bh.Tests.PValues, 1e-10, "p (t)");
        AssertClose(Matrix(c.GetProperty("fisherZ")), bh.Tests.FisherZ, 1e-8, "Fisher z");
        AssertClose(Matrix(c.GetProperty("fisherPValues")), bh.Tests.FisherPValues, 1e-10, "p (z)");
        AssertClose(Matrix(c.GetProperty("lower")), bh.Tests.Lower, 1e-10, "CI lower");
        AssertClose(Matrix(c.GetProperty("upper")), bh.Tests.Upper, 1e-10, "CI upper");
        AssertClose(Matrix(c.GetProperty("bh")), bh.Tests.AdjustedPValues, 1e-10, "BH");
        var holm = new PartialCorrelations { Adjustment = PValueAdjustment.Holm }.Estimate(x);
        Assert.True(holm.Tests.Available);
        AssertClose(Matrix(c.GetProperty("holm")), holm.Tests.AdjustedPValues, 1e-10, "Holm");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Basis_shrinkage_matches_corpcor(string name, string file)
    {
        var c = Expected("lr_pcor").GetProperty(name);
        var x = Load(name, file, c);
        foreach (var route in new[] { PartialCorrelationRoute.ClrPseudoInverse, PartialCorrelationRoute.AlrInverse })
        {
            var r = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage, Route = route }.Estimate(x);
            Assert.Equal(c.GetProperty("shrinkLambda").GetDouble(), r.Shrinkage!.Lambda, 10);
            Assert.Equal(c.GetProperty("shrinkLambdaVar").GetDouble(), r.Shrinkage.LambdaVar, 10);
            AssertClose(Matrix(c.GetProperty("shrinkPartialCorrelation")), r.PartialCorrelation, 1e-9, $"{name} {route} shrunk pcor");
            Assert.False(r.Tests.Available);
            Assert.Null(r.PValues);
            Assert.Contains(r.Diagnostics, dg => dg.Code == "no-tests");
        }
    }

    [Fact]
    public void Cups_subcomposition_matches_R()
    {
        var c = Expected("lr_pcor").GetProperty("cupsSubcomposition");
        var parts = c.GetProperty("parts").EnumerateArray().Select(p => p.GetString()!).ToArray();
        var sub = Composition.Load(DataFile("roman_cups.csv")).Subcomposition(parts);
        AssertClose(Matrix(c.GetProperty("partialCorrelation")), new PartialCorrelations().Estimate(sub).PartialCorrelation, 1e-10, "subcomposition");
    }
}
