using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// Numeric model-implied moments of a <see cref="RamModel"/>: Sigma = F B S B^T F^T and mu = F B m with B = (I - A)^-1,
/// and the pieces of their analytic derivatives.
/// </summary>
/// <param name="model">The model.</param>
/// <param name="sample">The sample covariance (fixed.x covariances are taken from it).</param>
/// <param name="sampleMean">The sample means (fixed.x means are taken from it); null for models without a mean structure.</param>
internal sealed class RamEvaluator(RamModel model, Matrix<double>? sample, Vector<double>? sampleMean = null)
{
    public RamModel Model { get; } = model;

    public (Matrix<double> A, Matrix<double> S, Vector<double> M) Fill(IReadOnlyList<double> theta)
    {
        int m = Model.Size;
        var a = Matrix<double>.Build.Dense(m, m);
        var s = Matrix<double>.Build.Dense(m, m);
        var mean = Vector<double>.Build.Dense(m);
        foreach (var c in Model.Cells)
        {
            double v = c.IsFree ? theta[c.Free]
                : c.Kind == RamCellKind.FixedX ? (c.IsMean ? sampleMean![c.Row] : sample![c.Row, c.Col])
                : c.Value;
            if (c.IsA) a[c.Row, c.Col] = v;
            else if (c.IsMean) mean[c.Row] = v;
            else s[c.Row, c.Col] = s[c.Col, c.Row] = v;
        }
        return (a, s, mean);
    }

    /// <summary>The implied moments, or null when I - A is singular.</summary>
    internal sealed record Moments(Matrix<double> Sigma, Vector<double>? Mu, Matrix<double> FB, Matrix<double> FC, Vector<double>? BM);

    /// <summary>Sigma (observed block) and mu, with F B, F C and B m for the derivatives; null when I - A is singular.</summary>
    public Moments? Implied(IReadOnlyList<double> theta)
    {
        var (a, s, mean) = Fill(theta);
        int m = Model.Size, p = Model.Observed;
        var iminus = Matrix<double>.Build.DenseIdentity(m) - a;
        var lu = iminus.LU();
        double det = lu.Determinant;
        if (!(Math.Abs(det) > 1e-12) || !double.IsFinite(det)) return null;
        var b = lu.Inverse();
        var c = b * s.TransposeAndMultiply(b);
        var sigma = c.SubMatrix(0, p, 0, p);
        Vector<double>? bm = Model.HasMeans ? b * mean : null;
        return new Moments((sigma + sigma.Transpose()) * 0.5, bm?.SubVector(0, p), b.SubMatrix(0, p, 0, m), c.SubMatrix(0, p, 0, m), bm);
    }
}
