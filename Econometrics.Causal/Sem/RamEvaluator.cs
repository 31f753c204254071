using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Sem;

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

    /// <summary>dSigma/dtheta_a for every free parameter (p x p each): A-cells give u v^T + v u^T with u = (FB)_i, v = (FC)_j;
    /// S-cells give a b^T + b a^T (or a a^T on the diagonal) with a = (FB)_i, b = (FB)_j.</summary>
    public Matrix<double>[] Derivatives(Matrix<double> fb, Matrix<double> fc)
    {
        int p = Model.Observed;
        var d = new Matrix<double>[Model.FreeCount];
        for (int k = 0; k < d.Length; k++) d[k] = Matrix<double>.Build.Dense(p, p);
        foreach (var c in Model.Cells)
        {
            if (!c.IsFree) continue;
            var target = d[c.Free];
            if (c.IsA)
            {
                var u = fb.Column(c.Row); var v = fc.Column(c.Col);
                var uv = u.OuterProduct(v);
                target.Add(uv, target); target.Add(uv.Transpose(), target);
            }
            else if (c.Row == c.Col)
            {
                var u = fb.Column(c.Row);
                target.Add(u.OuterProduct(u), target);
            }
            else
            {
                var u = fb.Column(c.Row); var v = fb.Column(c.Col);
                var uv = u.OuterProduct(v);
                target.Add(uv, target); target.Add(uv.Transpose(), target);
            }
        }
        return d;
    }
}
