using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Compositional;

/// <summary>A Schafer-Strimmer shrinkage covariance and the intensities that produced it.</summary>
/// <param name="Covariance">The shrunk covariance (corpcor's <c>cov.shrink</c>).</param>
/// <param name="Correlation">The shrunk correlation (corpcor's <c>cor.shrink</c>).</param>
/// <param name="Variances">The shrunk variances (corpcor's <c>var.shrink</c>).</param>
/// <param name="Lambda">The correlation-shrinkage intensity used.</param>
/// <param name="LambdaVar">The variance-shrinkage intensity used.</param>
public sealed record ShrunkCovariance(Matrix<double> Covariance, Matrix<double> Correlation, Vector<double> Variances, double Lambda, double LambdaVar)
{
    /// <summary>The unshrunk sample covariance (denominator n - 1) of the same data.</summary>
    public Matrix<double>? SampleCovariance { get; init; }

    /// <summary>
    /// The centred data scaled to unit sample variance (n x p, column-major): the shrunk correlation is
    /// <c>lambda I + (1 - lambda) Z'Z / (n - 1)</c>, which is what a low-rank inverse needs.
    /// </summary>
    internal double[]? Standardized { get; init; }

    /// <summary>Number of observations behind <see cref="Standardized"/>.</summary>
    internal int Rows { get; init; }
}
