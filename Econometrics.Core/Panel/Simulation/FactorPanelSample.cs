using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Panel.Simulation;

/// <summary>One simulated panel: the response and, when generated, the regressor (both T x N).</summary>
/// <param name="Y">The response, T x N.</param>
/// <param name="X">The regressor, T x N, or null.</param>
public sealed record FactorPanelSample(Matrix<double> Y, Matrix<double>? X)
{
    /// <summary>The sample as a panel with variables "y" (and "x"); units and periods are numbered from 1.</summary>
    public PanelData ToPanel()
    {
        if (X is null) return PanelData.FromMatrix(Y, "y");
        int t = Y.RowCount, n = Y.ColumnCount;
        var keys = Enumerable.Range(0, t * n).ToArray();
        Deedle.Series<int, double> Column(Func<int, int, double> value) =>
            new(keys, keys.Select(k => value(k % t, k / t)).ToArray());
        var frame = Deedle.Frame.FromColumns(new Dictionary<string, Deedle.Series<int, double>>
        {
            ["unit"] = Column((_, i) => i + 1),
            ["time"] = Column((s, _) => s + 1),
            ["y"] = Column((s, i) => Y[s, i]),
            ["x"] = Column((s, i) => X[s, i]),
        });
        return PanelData.FromFrame(frame, "unit", "time", "y", "x");
    }
}
