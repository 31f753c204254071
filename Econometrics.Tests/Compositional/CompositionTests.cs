using Econometrics.Tests.Support;
using Econometrics.Compositional;
using Econometrics.Data;
using MathNet.Numerics.LinearAlgebra;
using Xunit;
using static Econometrics.Tests.Compositional.CodaFixture;

namespace Econometrics.Tests.Compositional;

/// <summary>The Composition type: transforms and their inverses, subcompositions, amalgamation, and bad input.</summary>
public sealed class CompositionTests
{
    private static Composition Toy() => ResearchNoteValueTests.Toy();

    [Fact]
    public void Clr_alr_and_ilr_invert_to_the_closed_composition()
    {
        var x = ResearchNoteValueTests.Cups();
        var closed = x.Closure().Values;
        var clr = x.Clr();
        for (int i = 0; i < x.NObs; i++) Assert.True(Math.Abs(clr.Row(i).Sum()) < 1e-13);
        AssertClose(closed, Composition.FromClr(clr, x.Parts).Values, 1e-14, "clr inverse");
        AssertClose(closed, Composition.FromAlr(x.Alr(), parts: x.Parts).Values, 1e-14, "alr inverse");
        var alrFe = x.Alr("Fe");
        Assert.Equal(Math.Log(x[0, 0] / x[0, 2]), alrFe[0, 0], 14);
        AssertClose(closed, Composition.FromAlr(alrFe, 2, x.Parts).Values, 1e-14, "alr inverse, reference Fe");
        AssertClose(closed, Composition.FromIlr(x.Ilr(), x.Parts).Values, 1e-14, "ilr inverse");
        Assert.Equal(100.0, x.Closure(100).Values.Row(3).Sum(), 12);
    }

    [Fact]
    public void Pivot_coordinates_follow_robCompositions_and_are_isometric()
    {
        var x = Toy();
        var z = x.Ilr();
        Assert.Equal(3, z.ColumnCount);
        // z_1 = sqrt(3/4) log(x1 / g(x2, x3, x4)) for the first row (1, 2, 3, 4).
        Assert.Equal(Math.Sqrt(0.75) * Math.Log(1 / Math.Cbrt(24)), z[0, 0], 14);
        Assert.Equal(Math.Sqrt(2.0 / 3) * Math.Log(2 / Math.Sqrt(12)), z[0, 1], 14);
        Assert.Equal(Math.Sqrt(0.5) * Math.Log(3.0 / 4), z[0, 2], 14);
        // Aitchison distance = Euclidean distance of clr = Euclidean distance of ilr.
        var clr = x.Clr();
        Assert.Equal((clr.Row(0) - clr.Row(1)).L2Norm(), (z.Row(0) - z.Row(1)).L2Norm(), 13);
    }

    [Fact]
    public void Subcomposition_and_amalgamation()
    {
        var x = ResearchNoteValueTests.Cups();
        var sub = x.Subcomposition("Fe", "Si");
        Assert.Equal(["Fe", "Si"], sub.Parts);
        Assert.Equal(x[5, 2], sub[5, 0]);
        var am = x.Amalgamate("Alkali", "Na", "K");
        Assert.Equal(10, am.NParts);
        Assert.Equal(["Si", "Al", "Fe", "Mg", "Ca", "Alkali", "Ti", "P", "Mn", "Sb"], am.Parts);
        Assert.Equal(x[0, 5] + x[0, 6], am[0, 5], 14);
        Assert.Throws<ArgumentException>(() => x.Amalgamate("Si", "Na", "K"));
        Assert.Throws<ArgumentException>(() => x.Subcomposition("Fe", "Gold"));
        PlotAssert.RendersContent(x.PlotTernary("Na", "Ca", "Si"));
        Assert.Contains("Samples:", x.ToString());
    }

    [Fact]
    public void Zeros_without_a_replacement_method_name_the_first_row_and_part()
    {
        var ex = Assert.Throws<ArgumentException>(() => Composition.From(new double[,] { { 1, 2, 3 }, { 4, 0, 6 }, { 0, 1, 1 } }, ["a", "b", "c"]));
        Assert.Contains("Row 2, part 'b' is 0", ex.Message);
        Assert.Contains("zero replacement", ex.Message);
    }

    [Fact]
    public void Negative_values_and_zero_rows_are_errors_even_with_replacement()
    {
        var neg = Assert.Throws<ArgumentException>(() => Composition.From(new double[,] { { 1, 2, 3 }, { 4, -0.5, 6 } }, ["a", "b", "c"],
            new MultiplicativeReplacement()));
        Assert.Contains("Row 2, part 'b': the value -0.5 is negative", neg.Message);
        var zero = Assert.Throws<ArgumentException>(() => Composition.From(new double[,] { { 1, 2, 3 }, { 0, 0, 0 } }, ["a", "b", "c"],
            new BayesianMultiplicativeReplacement()));
        Assert.Contains("Row 2 sums to zero", zero.Message);
        var nan = Assert.Throws<ArgumentException>(() => Composition.From(new double[,] { { 1, double.NaN, 3 } }));
        Assert.Contains("Row 1, part 'x2'", nan.Message);
    }

    [Fact]
    public void Fewer_than_three_parts_is_an_error_for_partial_correlations()
    {
        var two = Composition.From(new double[,] { { 1, 2 }, { 2, 3 }, { 3, 1 }, { 1, 1 } }, ["a", "b"]);
        var ex = Assert.Throws<ArgumentException>(() => new PartialCorrelations().Estimate(two));
        Assert.Equal("composition", ex.ParamName);
        Assert.Contains("at least 3 parts", ex.Message);
        Assert.Contains("(a, b)", ex.Message);
        Assert.Throws<ArgumentException>(() => Composition.From(new double[,] { { 1 }, { 2 } }));
    }

    [Fact]
    public void Csv_errors_name_file_line_and_column()
    {
        var dir = Directory.CreateTempSubdirectory("coda-");
        try
        {
            string Write(string name, string text) { var p = Path.Combine(dir.FullName, name); File.WriteAllText(p, text); return p; }
            var bad = Assert.Throws<DataFormatException>(() => Composition.Load(Write("bad.csv", "a,b,c\n1,2,3\n4,oops,6\n")));
            Assert.Equal("bad.csv, line 3, column 'b': 'oops' is not a number (the column is numeric from line 2).", bad.Message);
            var text = Assert.Throws<DataFormatException>(() => Composition.Load(Write("text.csv", "a,b,c\n1,x,3\n4,y,6\n")));
            Assert.Equal("text.csv, line 2, column 'b': 'x' is not a number; every part must be a numeric column.", text.Message);
            var zero = Assert.Throws<DataFormatException>(() => Composition.Load(Write("zero.csv", "a,b,c\n1,2,3\n4,5,0\n")));
            Assert.StartsWith("zero.csv, line 3, column 'c': Row 2, part 'c' is 0", zero.Message);
            var missing = Assert.Throws<DataFormatException>(() => Composition.Load(Write("na.csv", "a,b,c\n1,2,3\n4,NA,6\n")));
            Assert.Equal("na.csv, line 3, column 'b': The value is missing; compositions need every part observed.", missing.Message);
            var part = Assert.Throws<DataFormatException>(() => Composition.Load(Write("ok.csv", "a,b,c\n1,2,3\n"), ["a", "z"]));
            Assert.Contains("Part 'z' is not a column", part.Message);
            var ok = Composition.Load(Write("zeros.csv", "a,b,c\n1,2,3\n4,5,0\n"), zeros: new MultiplicativeReplacement());
            Assert.Equal(1.0 / 9, ok[1, 2], 15);
        }
        finally { dir.Delete(true); }
    }
}
