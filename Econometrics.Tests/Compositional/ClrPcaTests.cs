using Econometrics.Tests.Support;
using System.Text.Json;
using Econometrics.Compositional;
using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;
using Xunit;
using static Econometrics.Tests.Compositional.CodaFixture;

namespace Econometrics.Tests.Compositional;

/// <summary>The clr principal components and biplots against R's prcomp (fixture <c>Reference/Compositional/clr_biplot</c>).</summary>
[VerifiesFixtures("Compositional/clr_biplot")]
public sealed class ClrPcaTests
{
    public static TheoryData<string, string, int, string> Cases()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var backend in LinearAlgebraBackends.OpenBlas is null ? new[] { "managed" } : new[] { "managed", "openblas" })
        {
            data.Add("cups", "roman_cups.csv", int.MaxValue, backend);
            data.Add("hongite", "hongite.csv", int.MaxValue, backend);
            data.Add("householdExpenditures", "household_expenditures.csv", int.MaxValue, backend);
            data.Add("cupsFirstSixRows", "roman_cups.csv", 6, backend);
        }
        return data;
    }

    private static ILinearAlgebra Backend(string name) => name == "managed" ? LinearAlgebraBackends.Managed : LinearAlgebraBackends.OpenBlas!;

    private static Composition Load(JsonElement c, string file, int rows)
    {
        var x = Composition(c, file);
        return rows == int.MaxValue ? x : Econometrics.Composition.From(x.Values.SubMatrix(0, rows, 0, x.NParts), x.Parts);
    }

    /// <summary>Flips the columns of <paramref name="actual"/> whose sign disagrees with <paramref name="expected"/>'s (prcomp's signs are arbitrary).</summary>
    private static Matrix<double> AlignSigns(Matrix<double> expected, Matrix<double> actual, Matrix<double> signSource, Matrix<double> signReference)
    {
        var a = actual.Clone();
        for (int c = 0; c < a.ColumnCount; c++)
            if (signSource.Column(c).DotProduct(signReference.Column(c)) < 0) a.SetColumn(c, -a.Column(c));
        return a;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Components_and_both_biplots_equal_prcomp_on_clr_data(string name, string file, int rows, string backend)
    {
        var c = Expected("clr_biplot").GetProperty(name);
        var x = Load(c, file, rows);
        var form = new ClrPca { Scaling = BiplotScaling.Form }.Fit(x, Backend(backend));
        var cov = new ClrPca { Scaling = BiplotScaling.Covariance }.Fit(x, Backend(backend));
        Assert.Equal(c.GetProperty("components").GetInt32(), form.NComponents);
        AssertClose(Vector(c.GetProperty("sdev")), form.StdDev.ToArray(), 1e-10, $"{name} sdev");
        AssertClose(Vector(c.GetProperty("proportion")), form.ProportionOfVariance.ToArray(), 1e-10, $"{name} proportion");

        var rotation = Matrix(c.GetProperty("rotation"));
        var loadings = form.Loadings;
        Matrix<double> Align(Matrix<double> m) => AlignSigns(rotation, m, loadings, rotation);
        AssertClose(rotation, Align(loadings), 1e-10, $"{name} rotation");
        AssertClose(Matrix(c.GetProperty("scores")), Align(form.Scores), 1e-10, $"{name} scores");
        AssertClose(Matrix(c.GetProperty("formRows")), Align(form.RowCoordinates), 1e-10, $"{name} form rows");
        AssertClose(Matrix(c.GetProperty("formColumns")), Align(form.ColumnCoordinates), 1e-10, $"{name} form columns");
        AssertClose(Matrix(c.GetProperty("covarianceRows")), Align(cov.RowCoordinates), 1e-10, $"{name} covariance rows");
        AssertClose(Matrix(c.GetProperty("covarianceColumns")), Align(cov.ColumnCoordinates), 1e-10, $"{name} covariance columns");

        // The covariance biplot's columns reproduce the clr covariance exactly when every component is kept.
        var g = cov.ColumnCoordinates;
        AssertClose(Matrix(c.GetProperty("clrCovariance")), g * g.Transpose(), 1e-10, $"{name} G G'");
    }

    [Fact]
    public void Signs_follow_the_largest_loading_and_loadings_are_orthonormal_clr_vectors()
    {
        var r = new ClrPca().Fit(Econometrics.Composition.Load(DataFile("roman_cups.csv")));
        for (int k = 0; k < r.NComponents; k++)
        {
            var v = r.Loadings.Column(k);
            Assert.True(v[v.AbsoluteMaximumIndex()] > 0);
            Assert.True(Math.Abs(v.Sum()) < 1e-12, "loadings are clr vectors (sum to zero)");
        }
        var vtv = r.Loadings.TransposeThisAndMultiply(r.Loadings);
        AssertClose(Matrix<double>.Build.DenseIdentity(r.NComponents), vtv, 1e-12, "V'V");
        Assert.Equal(1.0, r.ProportionOfVariance.Sum(), 12);
    }

    [Fact]
    public void Invariant_to_closure_and_perturbation_up_to_rounding()
    {
        var x = Econometrics.Composition.Load(DataFile("hongite.csv"));
        var perturbed = Econometrics.Composition.From(
            Matrix<double>.Build.Dense(x.NObs, x.NParts, (i, j) => x[i, j] * (j + 1) * 3.7 * (i % 3 + 1)), x.Parts);
        var a = new ClrPca { Scaling = BiplotScaling.Covariance }.Fit(x);
        var b = new ClrPca { Scaling = BiplotScaling.Covariance }.Fit(perturbed);
        // Perturbing every row by the same vector shifts the clr mean only; rescaling rows changes nothing.
        var x2 = Econometrics.Composition.From(Matrix<double>.Build.Dense(x.NObs, x.NParts, (i, j) => x[i, j] * (j + 1) * 3.7), x.Parts);
        var c = new ClrPca { Scaling = BiplotScaling.Covariance }.Fit(x2);
        AssertClose(a.RowCoordinates, c.RowCoordinates, 1e-10, "rows under perturbation");
        AssertClose(a.ColumnCoordinates, c.ColumnCoordinates, 1e-10, "columns under perturbation");
        AssertClose(a.ColumnCoordinates, b.ColumnCoordinates, 1e-10, "columns under perturbation and row rescaling");
    }

    [Fact]
    public void More_parts_than_samples_keeps_n_minus_one_components_and_says_so()
    {
        var cups = Econometrics.Composition.Load(DataFile("roman_cups.csv"));
        var x = Econometrics.Composition.From(cups.Values.SubMatrix(0, 4, 0, cups.NParts), cups.Parts);
        var r = new ClrPca().Fit(x);
        Assert.Equal(3, r.NComponents);
        var d = Assert.Single(r.Diagnostics, d => d.Code == "rank");
        Assert.Contains("D = 11 > n = 4", d.Message);
        Assert.Contains("D = 11 > n = 4", r.ToString());
    }

    [Fact]
    public void Too_few_samples_parts_or_directions_are_errors_naming_the_composition()
    {
        var twoParts = Econometrics.Composition.From(new double[,] { { 1, 2 }, { 2, 1 }, { 3, 1 } });
        Assert.Contains("at least 3 parts", Assert.Throws<ArgumentException>(() => new ClrPca().Fit(twoParts)).Message);
        var twoRows = Econometrics.Composition.From(new double[,] { { 1, 2, 3 }, { 2, 1, 4 } });
        Assert.Contains("at least 3 samples", Assert.Throws<ArgumentException>(() => new ClrPca().Fit(twoRows)).Message);
        // Every sample a power of one composition: the clr data lie on one line.
        var line = Econometrics.Composition.From(new double[,] { { 1, 2, 4 }, { 1, 4, 16 }, { 1, 8, 64 }, { 1, 3, 9 } });
        var e = Assert.Throws<ArgumentException>(() => new ClrPca().Fit(line));
        Assert.Equal("composition", e.ParamName);
        Assert.Contains("1 non-zero component", e.Message);
    }

    [Fact]
    public void Json_and_summary_carry_the_components_and_coordinates()
    {
        var r = new ClrPca { Scaling = BiplotScaling.Covariance }.Fit(Econometrics.Composition.Load(DataFile("hongite.csv")));
        using var doc = JsonDocument.Parse(r.ToJson());
        var root = doc.RootElement;
        Assert.Equal("covariance", root.GetProperty("scaling").GetString());
        Assert.Equal(r.NComponents, root.GetProperty("components").GetArrayLength());
        Assert.Equal(r.RowCoordinates[3, 1], root.GetProperty("rowCoordinates")[3][1].GetDouble(), 15);
        Assert.Equal(5, root.GetProperty("columnCoordinates").GetArrayLength());
        var text = r.ToString();
        Assert.Contains("covariance", text);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 100, line));
        PlotAssert.RendersContent(r.PlotBiplot());
    }
}
