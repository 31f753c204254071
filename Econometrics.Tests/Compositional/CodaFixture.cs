using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using Econometrics.Tests.Support;
using Xunit;

namespace Econometrics.Tests.Compositional;

/// <summary>Reads the compositional fixtures (expected.json written by R or Python) and compares numbers.</summary>
internal static class CodaFixture
{
    public static ReferenceFixture Fixture(string name) => ReferenceFixture.Load($"Compositional/{name}");

    public static string Folder(string name) => Fixture(name).Directory;

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", "coda", name);

    public static JsonElement Expected(string name) => Fixture(name).Expected;

    public static double Number(JsonElement e) => ReferenceFixture.Number(e);

    public static double[] Vector(JsonElement e) => ReferenceFixture.Vector(e);

    public static Matrix<double> Matrix(JsonElement e) => ReferenceFixture.Matrix(e);

    public static Composition Composition(JsonElement caseElement, string file, int take = int.MaxValue)
    {
        var parts = caseElement.GetProperty("parts").EnumerateArray().Select(p => p.GetString()!).Take(take).ToArray();
        return Econometrics.Composition.Load(DataFile(file), parts);
    }

    /// <summary>Asserts max |a - b| &lt;= tol (NaN must meet NaN) and returns the max difference.</summary>
    public static double AssertClose(Matrix<double> expected, Matrix<double> actual, double tol, string what)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.ColumnCount, actual.ColumnCount);
        double max = 0;
        for (int i = 0; i < expected.RowCount; i++)
            for (int j = 0; j < expected.ColumnCount; j++)
            {
                double e = expected[i, j], a = actual[i, j];
                if (double.IsNaN(e) || double.IsNaN(a))
                {
                    Assert.True(double.IsNaN(e) && double.IsNaN(a), $"{what}[{i},{j}]: expected {e}, got {a}");
                    continue;
                }
                max = Math.Max(max, Math.Abs(e - a));
                Assert.True(Math.Abs(e - a) <= tol, $"{what}[{i},{j}]: expected {e:R}, got {a:R} (tolerance {tol})");
            }
        return max;
    }

    public static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tol, string what, bool relative = false)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            double scale = relative ? Math.Abs(expected[i]) : 1.0;
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol * scale, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (tolerance {tol}{(relative ? " relative" : "")})");
        }
    }
}
