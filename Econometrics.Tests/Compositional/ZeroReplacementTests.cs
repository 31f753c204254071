using Econometrics.Tests.Support;
using Econometrics.Compositional;
using MathNet.Numerics.LinearAlgebra;
using Xunit;
using static Econometrics.Tests.Compositional.CodaFixture;

namespace Econometrics.Tests.Compositional;

/// <summary>Zero replacement against the transcription fixture (zero_replacement) and the note's zCompositions values.</summary>
[VerifiesFixtures("Compositional/zero_replacement")]
public sealed class ZeroReplacementTests
{
    private static Matrix<double> Counts() => Matrix(Expected("zero_replacement").GetProperty("counts"));

    private static Matrix<double> Replace(ZeroReplacement method) => Composition.From(Counts(), zeros: method).Values;

    [Theory]
    [InlineData(BayesianPrior.GeometricBayesian, ReplacementOutput.Proportions, true, "gbmProp")]
    [InlineData(BayesianPrior.GeometricBayesian, ReplacementOutput.PseudoCounts, true, "gbmCounts")]
    [InlineData(BayesianPrior.SquareRoot, ReplacementOutput.Proportions, true, "sqProp")]
    [InlineData(BayesianPrior.SquareRoot, ReplacementOutput.PseudoCounts, true, "sqCounts")]
    [InlineData(BayesianPrior.BayesLaplace, ReplacementOutput.Proportions, true, "blProp")]
    [InlineData(BayesianPrior.CountZeroMultiplicative, ReplacementOutput.Proportions, true, "czmProp")]
    [InlineData(BayesianPrior.GeometricBayesian, ReplacementOutput.Proportions, false, "gbmNoAdjust")]
    public void Bayesian_multiplicative_matches_cmultRepl(BayesianPrior prior, ReplacementOutput output, bool adjust, string key)
    {
        var got = Replace(new BayesianMultiplicativeReplacement { Prior = prior, Output = output, Adjust = adjust });
        AssertClose(Matrix(Expected("zero_replacement").GetProperty(key)), got, 1e-12, key);
    }

    [Fact]
    public void Values_printed_in_the_note_from_zCompositions_are_reproduced()
    {
        var gbm = Replace(new BayesianMultiplicativeReplacement());
        AssertClose(Matrix<double>.Build.DenseOfArray(new[,]
        {
            { 0.02225331, 0.13967810, 0.27935620, 0.55871239 },
            { 0.13207145, 0.03147604, 0.30816671, 0.52828579 },
            { 0.19400727, 0.04850182, 0.02996363, 0.72752728 },
            { 0.08415584, 0.33662338, 0.50493506, 0.07428571 },
            { 0.28571429, 0.34285714, 0.25714286, 0.11428571 },
        }), gbm, 6e-9, "GBM");
        var czm = Replace(new BayesianMultiplicativeReplacement { Prior = BayesianPrior.CountZeroMultiplicative });
        AssertClose([0.00928571, 0.14153061, 0.28306122, 0.56612245], czm.Row(0).ToArray(), 6e-9, "CZM row 1");
        AssertClose([0.19837500, 0.04959375, 0.00812500, 0.74390625], czm.Row(2).ToArray(), 6e-9, "CZM row 3");
        var sq = Replace(new BayesianMultiplicativeReplacement { Prior = BayesianPrior.SquareRoot, Output = ReplacementOutput.PseudoCounts });
        AssertClose([1.06216183, 0.76028453, 1.77179993, 0.88271605], [sq[0, 0], sq[1, 1], sq[2, 2], sq[3, 3]], 6e-9, "SQ p-counts");
        var counts = Counts();
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 4; j++)
                if (counts[i, j] > 0) Assert.Equal(counts[i, j], sq[i, j]);
    }

    [Fact]
    public void Multiplicative_replacement_matches_scikit_bio()
    {
        var e = Expected("zero_replacement");
        AssertClose(Matrix(e.GetProperty("multiplicativeDefault")), Replace(new MultiplicativeReplacement()), 1e-15, "delta = 1/D^2");
        AssertClose(Matrix(e.GetProperty("multiplicativeFixed")), Replace(new MultiplicativeReplacement { Delta = 0.01 }), 1e-15, "delta = 0.01");
        var doc = Composition.From(new double[,] { { .2, .4, .4, 0 }, { 0, .5, .5, 0 } }, zeros: new MultiplicativeReplacement()).Values;
        AssertClose(Matrix<double>.Build.DenseOfArray(new[,] { { 0.1875, 0.375, 0.375, 0.0625 }, { 0.0625, 0.4375, 0.4375, 0.0625 } }), doc, 1e-15, "skbio doc");
    }

    [Fact]
    public void Replacement_keeps_the_ratios_of_non_zero_parts_and_reports_what_it_did()
    {
        var counts = Counts();
        var x = Composition.From(counts, ["a", "b", "c", "d"], new BayesianMultiplicativeReplacement());
        Assert.Contains(x.Diagnostics, d => d.Code == "zeros-replaced" && d.Message.StartsWith("4 zeros"));
        Assert.Equal(counts[0, 2] / counts[0, 3], x[0, 2] / x[0, 3], 12);
        var r = new PartialCorrelations().Estimate(x);
        Assert.Contains(r.Diagnostics, d => d.Code == "zeros-replaced");
    }

    [Fact]
    public void A_part_that_is_always_zero_cannot_be_replaced()
    {
        var ex = Assert.Throws<ArgumentException>(() => Composition.From(new double[,] { { 1, 0, 2 }, { 3, 0, 4 } }, ["a", "b", "c"], new BayesianMultiplicativeReplacement()));
        Assert.Contains("'b' is 0 in every sample", ex.Message);
        var tooMany = Assert.Throws<ArgumentException>(() => Composition.From(new double[,] { { 1, 0, 0, 0 }, { 1, 1, 1, 1 } }, zeros: new MultiplicativeReplacement { Delta = 0.4 }));
        Assert.Equal("Delta", tooMany.ParamName);
    }
}
