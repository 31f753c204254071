using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>
/// Multiplicative replacement (Martin-Fernandez, Barcelo-Vidal and Pawlowsky-Glahn 2003), as scikit-bio's
/// <c>multi_replace</c>: close each row to 1, put <see cref="Delta"/> in place of each zero, and multiply the non-zero
/// parts by <c>1 - k delta</c> (k = zeros in the row), which keeps their ratios. The result is closed to 1.
/// </summary>
public sealed record MultiplicativeReplacement : ZeroReplacement
{
    /// <summary>The replacement proportion; null means <c>1 / D^2</c> (scikit-bio's default).</summary>
    public double? Delta { get; init; }

    /// <inheritdoc/>
    public override string Name => "multiplicative";

    internal override (Matrix<double> Values, IReadOnlyList<Diagnostic> Diagnostics) Replace(Matrix<double> x, IReadOnlyList<string> parts)
    {
        int d = x.ColumnCount;
        double delta = Delta ?? 1.0 / (d * d);
        if (!(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(Delta), delta, "Delta must lie in (0, 1).");
        var diagnostics = Describe(x, parts, $"multiplicative replacement (delta = {delta:G4})");
        var y = Matrix<double>.Build.Dense(x.RowCount, d);
        for (int i = 0; i < x.RowCount; i++)
        {
            double total = x.Row(i).Sum();
            int k = 0;
            for (int j = 0; j < d; j++) if (x[i, j] == 0) k++;
            double scale = 1 - k * delta;
            if (!(scale > 0))
                throw new ArgumentException($"Row {i + 1} has {k} zeros; with delta = {delta:G4} the non-zero parts would get a share of " +
                    $"{scale:G4}. Use a smaller Delta.", nameof(Delta));
            for (int j = 0; j < d; j++) y[i, j] = x[i, j] == 0 ? delta : x[i, j] / total * scale;
        }
        return (y, diagnostics);
    }
}
