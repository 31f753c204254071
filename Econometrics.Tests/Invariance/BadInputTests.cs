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
        Assert.Equal("phi", Assert.Throws<ArgumentException>(() => Representation.FromMatrix(Matrix<double>.Build.Dense(2, 4, 1.0),
            data.Predictors)).ParamName);
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

public class RepresentationInputTests
{
    [Fact]
    public void RankDeficientPhiUnknownColumnsAndTinyEnvironmentsAreNamed()
    {
        var data = Fixtures.Sim();
        // Phi with a zero row is rank-deficient and rejected where it is built.
        Assert.Equal("phi", Assert.Throws<ArgumentException>(() =>
            Representation.FromMatrix(MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0, 0, 0 }, { 0, 0, 0, 0 } }),
                data.Predictors)).ParamName);
        var dir = Directory.CreateTempSubdirectory("inv-phi").FullName;
        var bad = Path.Combine(dir, "phi.csv");
        File.WriteAllText(bad, "X1,X9\n1,2\n");
        var e = Assert.Throws<Econometrics.Data.DataFormatException>(() => Representation.Load(bad, data.Predictors));
        Assert.Equal("X9", e.ParamName);
        // Three rows per environment is enough for ICP but not for a report on three features.
        var r = new Random(1);
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(8, 3, (_, _) => r.NextDouble());
        var small = Environments.FromArrays(x, Enumerable.Range(0, 8).Select(i => r.NextDouble()).ToArray(), [0, 0, 0, 0, 1, 1, 1, 1]);
        var ex = Assert.Throws<ArgumentException>(() => new InvarianceCheck().Test(small, Representation.Subset(small, ["X1", "X2", "X3"])));
        Assert.Equal("data", ex.ParamName);
        Assert.Contains("needs more than 4", ex.Message);
    }
}
