using MathNet.Numerics.LinearAlgebra;
using Econometrics.Sem.Syntax;

namespace Econometrics.Sem.Fitting;

/// <summary>Numeric model-implied covariance of a <see cref="RamModel"/> and its analytic derivatives.</summary>
internal sealed class RamEvaluator(RamModel model, Matrix<double>? sample)
{
    public RamModel Model { get; } = model;

    public (Matrix<double> A, Matrix<double> S) Fill(IReadOnlyList<double> theta)
    {
        int m = Model.Size;
        var a = Matrix<double>.Build.Dense(m, m);
        var s = Matrix<double>.Build.Dense(m, m);
        foreach (var c in Model.Cells)
        {
            double v = c.IsFree ? theta[c.Free]
                : c.Kind == RamCellKind.FixedX ? sample![c.Row, c.Col]
                : c.Value;
            if (c.IsA) a[c.Row, c.Col] = v;
            else s[c.Row, c.Col] = s[c.Col, c.Row] = v;
        }
        return (a, s);
    }

    /// <summary>Sigma (observed block), with F B and F C for the derivatives; null when I - A is singular.</summary>
    public Matrix<double>? Implied(IReadOnlyList<double> theta, out Matrix<double> fb, out Matrix<double> fc)
    {
        var (a, s) = Fill(theta);
        int m = Model.Size, p = Model.Observed;
        var iminus = Matrix<double>.Build.DenseIdentity(m) - a;
        var lu = iminus.LU();
        double det = lu.Determinant;
        fb = fc = null!;
        if (!(Math.Abs(det) > 1e-12) || !double.IsFinite(det)) return null;
        var b = lu.Inverse();
        var c = b * s.TransposeAndMultiply(b);
        fb = b.SubMatrix(0, p, 0, m);
        fc = c.SubMatrix(0, p, 0, m);
        var sigma = c.SubMatrix(0, p, 0, p);
        return (sigma + sigma.Transpose()) * 0.5;
    }
}
