using Econometrics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// Anchor regression (Rothenhausler, Meinshausen, Buhlmann and Peters, JRSS-B 2021):
/// <c>argmin_b ||(I - P_A)(Y - X b)||^2 + gamma ||P_A (Y - X b)||^2</c>, computed as OLS of <c>W Y</c> on <c>W [1, X]</c>
/// with <c>W = I - (1 - sqrt(gamma)) P_A</c>. Gamma = 1 is pooled OLS, gamma = 0 partials the anchors out, and
/// large gamma approaches IV with the anchors as instruments.
/// </summary>
public sealed record AnchorRegression
{
    /// <summary>The robustness parameter gamma (non-negative).</summary>
    public double Gamma { get; init; } = 2;

    /// <summary>The linear-algebra backend of the least-squares fits; null uses <see cref="LinearAlgebraBackends.Default"/>.</summary>
    public ILinearAlgebra? Backend { get; init; }

    /// <summary>Fits with the one-hot environment indicator as anchors (P_A replaces each row by its environment mean).</summary>
    /// <param name="data">The environments.</param>
    public AnchorRegressionResult Fit(Environments data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var a = Matrix<double>.Build.Dense(data.N, data.K);
        var e = data.EnvironmentIndex();
        for (int i = 0; i < data.N; i++) a[i, e[i]] = 1;
        return Fit(data, a);
    }

    /// <summary>Fits with general anchors A (N x q, rows in the order of <paramref name="data"/>'s grouped rows).</summary>
    /// <param name="data">The environments.</param>
    /// <param name="anchors">The anchor matrix, full column rank.</param>
    public AnchorRegressionResult Fit(Environments data, Matrix<double> anchors)
    {
        ArgumentNullException.ThrowIfNull(data); ArgumentNullException.ThrowIfNull(anchors);
        if (!(Gamma >= 0) || double.IsInfinity(Gamma)) throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma, "Gamma must be finite and non-negative.");
        if (anchors.RowCount != data.N) throw new ArgumentException($"The anchors have {anchors.RowCount} rows; the data has {data.N}.", nameof(anchors));
        var q = anchors.QR(QRMethod.Thin).Q;
        var design = LinearFit.WithIntercept(data.X);
        var y = Vector<double>.Build.DenseOfArray(data.Y);
        double f = 1 - Math.Sqrt(Gamma);
        // W v = v - f Q Q' v: two thin GEMMs instead of the N x N projection.
        var wx = design - f * (q * q.TransposeThisAndMultiply(design));
        var wy = y - f * (q * q.TransposeThisAndMultiply(y));
        var fit = LinearFit.Fit(wx, wy, Backend ?? LinearAlgebraBackends.Default);
        return new AnchorRegressionResult(Gamma, data.Predictors.ToArray(), fit.Beta[0], fit.Beta.SubVector(1, data.P).ToArray(), data.N);
    }
}
