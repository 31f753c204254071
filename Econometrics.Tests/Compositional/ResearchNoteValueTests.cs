using Econometrics.Compositional;
using MathNet.Numerics.LinearAlgebra;
using Xunit;
using static Econometrics.Tests.Compositional.CodaFixture;

namespace Econometrics.Tests.Compositional;

/// <summary>The printed reference values of the research note (shared/research/coda.md, sections 2.6 and 6), typed in.</summary>
public sealed class ResearchNoteValueTests
{
    // Section 6.2, 8 decimals, Si Al Fe Mg Ca Na K Ti P Mn Sb.
    private static readonly double[,] CupsPcor =
    {
        { 1.00000000, 0.72152448, -0.66310196, 0.16646132, 0.12497364, 0.25285957, 0.01829671, -0.11908464, -0.07799041, -0.02160894, 0.18416189 },
        { 0.72152448, 1.00000000, 0.72668092, -0.01367020, -0.18971415, 0.30519855, 0.23280208, 0.14008894, -0.00448631, -0.18716993, -0.28017219 },
        { -0.66310196, 0.72668092, 1.00000000, 0.42843207, 0.25685006, -0.18997594, -0.00223717, 0.04669919, -0.12878731, 0.28913381, 0.34309960 },
        { 0.16646132, -0.01367020, 0.42843207, 1.00000000, 0.05088400, -0.02571005, -0.22933298, 0.30546107, 0.01937221, -0.07657412, -0.10575128 },
        { 0.12497364, -0.18971415, 0.25685006, 0.05088400, 1.00000000, 0.59728055, -0.01346922, 0.08991687, 0.13266100, 0.25773508, 0.04569968 },
        { 0.25285957, 0.30519855, -0.18997594, -0.02571005, 0.59728055, 1.00000000, -0.06015025, -0.02467669, 0.04480232, 0.00729206, 0.10043109 },
        { 0.01829671, 0.23280208, -0.00223717, -0.22933298, -0.01346922, -0.06015025, 1.00000000, 0.09787862, 0.41274755, 0.22257955, 0.17112815 },
        { -0.11908464, 0.14008894, 0.04669919, 0.30546107, 0.08991687, -0.02467669, 0.09787862, 1.00000000, 0.35637923, 0.02130292, -0.25189872 },
        { -0.07799041, -0.00448631, -0.12878731, 0.01937221, 0.13266100, 0.04480232, 0.41274755, 0.35637923, 1.00000000, 0.03002162, 0.36597406 },
        { -0.02160894, -0.18716993, 0.28913381, -0.07657412, 0.25773508, 0.00729206, 0.22257955, 0.02130292, 0.03002162, 1.00000000, -0.18704156 },
        { 0.18416189, -0.28017219, 0.34309960, -0.10575128, 0.04569968, 0.10043109, 0.17112815, -0.25189872, 0.36597406, -0.18704156, 1.00000000 },
    };

    private static readonly double[] CupsPvar =
        [2.03265025e-3, 8.75304019e-4, 3.46872327e-3, 8.12528143e-3, 2.78455513e-3, 1.77690994e-3, 8.41246129e-3, 8.31486478e-3, 1.02516640e-2, 5.06186422e-2,
            5.15998110e-2];

    internal static Composition Cups() => Composition.Load(DataFile("roman_cups.csv"));

    internal static Composition Toy() =>
        Composition.From(new double[,] { { 1, 2, 3, 4 }, { 2, 1, 4, 3 }, { 3, 5, 1, 2 }, { 4, 3, 2, 6 }, { 5, 4, 6, 1 }, { 2, 6, 5, 3 } });

    [Fact]
    public void Roman_cups_partial_correlations_and_variances_equal_the_note_to_1e8()
    {
        var cups = Cups();
        Assert.Equal(["Si", "Al", "Fe", "Mg", "Ca", "Na", "K", "Ti", "P", "Mn", "Sb"], cups.Parts);
        Assert.Equal(47, cups.NObs);
        foreach (var route in new[] { PartialCorrelationRoute.ClrPseudoInverse, PartialCorrelationRoute.AlrInverse })
        {
            var r = new PartialCorrelations { Route = route }.Estimate(cups);
            AssertClose(Matrix<double>.Build.DenseOfArray(CupsPcor), r.PartialCorrelation, 1e-8, "cups pcor");
            // Printed with 9 significant digits: compare relative to 1e-8.
            AssertClose(CupsPvar, r.PartialVariance.ToArray(), 1e-8, "cups pvar", relative: true);
        }
    }

    [Fact]
    public void Roman_cups_tests_and_other_values_equal_the_note()
    {
        var cups = Cups();
        var r = new PartialCorrelations().Estimate(cups);
        Assert.Equal(37, r.Tests.Df);
        var alFe = r.Test("Al", "Fe");
        Assert.Equal(6.4343, alFe.Statistic, 4);
        Assert.Equal("t(37)", alFe.Distribution.ToString());
        Assert.Equal(1.625e-7, alFe.PValue!.Value, 10);
        Assert.Equal(1.625234e-07, alFe.PValue.Value, 12);   // ppcor on alr columns, section 3.5
        var (lo, hi) = r.ConfidenceInterval("Al", "Fe");
        Assert.Equal(0.5335, lo, 4);
        Assert.Equal(0.8478, hi, 4);
        int al = 1, fe = 2, ti = 7;
        Assert.True(r.Tests.Available);
        Assert.Equal(5.5299, r.Tests.FisherZ[al, fe], 4);
        Assert.Equal(3.203e-8, r.Tests.FisherPValues[al, fe], 11);
        Assert.Equal(0.2844, r.Tests.Statistic[fe, ti], 4);
        Assert.Equal(0.7777, r.Tests.PValues[fe, ti], 4);
        Assert.Equal(-0.2728, r.Tests.Lower[fe, ti], 4);
        Assert.Equal(0.3570, r.Tests.Upper[fe, ti], 4);
        Assert.Equal(0.008512499, r.Variation[0, al], 9);
        Assert.Equal(0.020103619, r.Variation[al, fe], 9);
        Assert.Equal(0.018110687, r.Variation[fe, ti], 9);
        Assert.Equal(0.2360976885, LogRatioMeasures.TotalVariance(cups), 10);

        var shrunk = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage }.Estimate(cups);
        Assert.Equal(0.05912293, shrunk.Shrinkage!.Lambda, 8);
        Assert.Equal(0.08146712, shrunk.Shrinkage.LambdaVar, 8);
        Assert.Equal(0.588440, shrunk["Al", "Fe"], 6);
        Assert.Equal(0.077940, shrunk["Fe", "Ti"], 6);
    }

    [Fact]
    public void Toy_example_equals_the_note()
    {
        var r = new PartialCorrelations().Estimate(Toy());
        double[] pcor = [0.6734311713, 0.3769364866, 0.1680663043, 0.1068573610, 0.2366960740, 0.3865253647];
        double[] rhoP = [0.1161636773, -0.3178095724, -0.4952387853, -0.4897482471, -0.4384798538, -0.2784255050];
        double[] variation = [0.4720387331, 0.8092951289, 1.0224256143, 1.0077098923, 1.0732436588, 1.0561556536];
        int k = 0;
        for (int i = 0; i < 4; i++)
            for (int j = i + 1; j < 4; j++, k++)
            {
                Assert.Equal(pcor[k], r.PartialCorrelation[i, j], 10);
                Assert.Equal(rhoP[k], r.Proportionality[i, j], 10);
                Assert.Equal(variation[k], r.Variation[i, j], 10);
            }
        AssertClose([0.3503381524, 0.4237603302, 0.6546565845, 0.7897439951], r.PartialVariance.ToArray(), 1e-10, "toy pvar");
        AssertClose([2.8543850936, 2.3598244780, 1.5275184328, 1.2662331164], r.Precision.Diagonal().ToArray(), 1e-9, "toy diag Omega");
        var t = r.Test("x1", "x2");
        Assert.Equal(1.577839, t.Statistic, 6);
        Assert.Equal("t(3)", t.Distribution.ToString());
        Assert.Equal(0.212709, t.PValue!.Value, 6);
        Assert.True(r.Tests.Available);
        Assert.Equal(1.155406, r.Tests.FisherZ[0, 1], 6);
        Assert.Equal(0.247924, r.Tests.FisherPValues[0, 1], 6);
        Assert.Equal(-0.514557, r.Tests.Lower[0, 1], 6);
        Assert.Equal(0.975882, r.Tests.Upper[0, 1], 6);

        var s = new PartialCorrelations { Covariance = CompositionalCovariance.BasisShrinkage }.Estimate(Toy());
        Assert.Equal(0.8565753457, s.Shrinkage!.Lambda, 10);
        Assert.Equal(1.0, s.Shrinkage.LambdaVar, 12);
        double[] shrunk = [0.3856191232, 0.3230439077, 0.3014233749, 0.2987937560, 0.3228492982, 0.3681455578];
        k = 0;
        for (int i = 0; i < 4; i++)
            for (int j = i + 1; j < 4; j++, k++) Assert.Equal(shrunk[k], s.PartialCorrelation[i, j], 10);
    }

    [Fact]
    public void Symmetric_balance_correlations_equal_the_note()
    {
        // Toy data (section 2.6, checked there against robCompositions::corCoDa's source) to 10 decimals.
        var toy = LogRatioMeasures.SymmetricBalanceCorrelation(Toy());
        double[] expected = [0.4351875520, 0.0179063192, -0.2070212936, -0.1886153277, -0.1262841255, 0.0607588470];
        int k = 0;
        for (int i = 0; i < 4; i++)
            for (int j = i + 1; j < 4; j++, k++)
            {
                Assert.Equal(expected[k], toy[i, j], 10);
                Assert.Equal(toy[i, j], toy[j, i], 14);
            }
        // Cups (section 4.2 table, 4 decimals): Al-Fe, Si-Al, Si-Fe, Ca-Na, Fe-Mg, K-P.
        var cups = LogRatioMeasures.SymmetricBalanceCorrelation(Cups());
        Assert.Equal(0.0944, cups[1, 2], 4);
        Assert.Equal(0.7975, cups[0, 1], 4);
        Assert.Equal(-0.4835, cups[0, 2], 4);
        Assert.Equal(0.6653, cups[4, 5], 4);
        Assert.Equal(0.5910, cups[2, 3], 4);
        Assert.Equal(0.3863, cups[6, 8], 4);
    }

    [Fact]
    public void Other_data_sets_equal_the_note()
    {
        var arctic = Composition.Load(DataFile("arctic_lake.csv"), ["sand", "silt", "clay"]);
        var a = new PartialCorrelations().Estimate(arctic);
        Assert.Equal(0.93207771, a["sand", "silt"], 8);
        Assert.Equal(-0.78845955, a["sand", "clay"], 8);
        Assert.Equal(0.95772586, a["silt", "clay"], 8);
        var h = new PartialCorrelations().Estimate(Composition.Load(DataFile("hongite.csv")));
        Assert.Equal(-0.99248859, h["D", "E"], 8);
        Assert.Equal(0.99440152, h["C", "E"], 8);
        var e = new PartialCorrelations().Estimate(Composition.Load(DataFile("household_expenditures.csv")));
        Assert.Equal(0.94683080, e["other", "services"], 8);
        Assert.Equal(-0.88442390, e["foodstuffs", "other"], 8);
    }
}
