using Econometrics.Causal.Invariance;
using Econometrics.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Invariance;

public class BadInputTests
{
    private static Matrix<double> X(int n, int p, int seed = 1)
    {
        var r = new Random(seed);
        return Matrix<double>.Build.Dense(n, p, (_, _) => r.NextDouble());
    }

    [Fact]
    public void SingleEnvironmentIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Environments.FromArrays(X(20, 2), new double[20], Enumerable.Repeat("a", 20).ToArray()));
        Assert.Equal("environment", e.ParamName);
        Assert.Contains("at least two environments", e.Message);
    }

    [Fact]
    public void EnvironmentWithFewerRowsThanPredictorsIsRejected()
    {
        var env = Enumerable.Repeat("a", 17).Concat(["b", "b", "b"]).ToArray();
        var e = Assert.Throws<ArgumentException>(() => Environments.FromArrays(X(20, 4), new double[20], env));
        Assert.Equal("environment", e.ParamName);
        Assert.Contains("Environment 'b' has 3 row(s)", e.Message);
    }

    [Fact]
    public void CollinearPredictorsAreNamed()
    {
        var x = X(40, 3);
        x.SetColumn(2, x.Column(0) * 2 - x.Column(1));
        var env = Enumerable.Range(0, 40).Select(i => (i % 2).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var e = Assert.Throws<DataFormatException>(() => Environments.FromArrays(x, new double[40], env));
        Assert.Equal("X3", e.ParamName);
        Assert.Contains("linear combination of X1, X2", e.Message);
    }

    [Fact]
    public void MissingColumnsAndRepresentationMismatchesAreNamed()
    {
        var frame = CsvFrame.Load(Fixtures.DataFile("invariance_sim.csv"));
        var e = Assert.Throws<DataFormatException>(() => Environments.FromFrame(frame, "Y", "env", ["X1", "X9"]));
        Assert.Equal("X9", e.ParamName);
        var data = Fixtures.Sim();
        Assert.Equal("selected", Assert.Throws<ArgumentException>(() => Representation.Subset(data, ["X7"])).ParamName);
        Assert.Equal("phi", Assert.Throws<ArgumentException>(() => Representation.FromMatrix(Matrix<double>.Build.Dense(2, 4, 1.0), data.Predictors)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new InvariantCausalPrediction { Alpha = 1.5 }.Fit(data));
    }

    [Fact]
    public void MissingValuesAreDroppedWithADiagnostic()
    {
        var x = X(30, 2);
        x[4, 1] = double.NaN;
        var env = Enumerable.Range(0, 30).Select(i => (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var data = Environments.FromArrays(x, Enumerable.Range(0, 30).Select(i => (double)i).ToArray(), env);
        Assert.Equal(29, data.N);
        Assert.Contains(data.Diagnostics, d => d.Code == "rows-dropped");
    }
}
