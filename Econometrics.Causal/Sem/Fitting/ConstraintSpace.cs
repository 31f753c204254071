using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// The affine set {theta : C theta = d} of linear equality constraints, parameterised as theta = theta0 + K x with K an
/// orthonormal basis of the null space of C and theta0 the minimum-norm solution (both from the SVD of C). Fitting over x
/// is lavaan's reparameterisation of linear equality constraints: the gradient is K'g, the information K'IK, and the
/// covariance of theta-hat K (K'IK)^-1 K' / N.
/// </summary>
internal sealed class ConstraintSpace
{
    private readonly Matrix<double>? _k;
    private readonly Vector<double>? _theta0;

    private ConstraintSpace(int q, Matrix<double>? k, Vector<double>? theta0, int rank)
    {
        Size = q; _k = k; _theta0 = theta0; Rank = rank;
    }

    /// <summary>The number of parameters q.</summary>
    public int Size { get; }

    /// <summary>The rank of C (the number of independent constraints).</summary>
    public int Rank { get; }

    /// <summary>The dimension q - rank of the free coordinates x.</summary>
    public int Dimension => Size - Rank;

    public bool IsIdentity => _k is null;

    /// <summary>No constraints.</summary>
    public static ConstraintSpace Unconstrained(int q) => new(q, null, null, 0);

    /// <summary>The space of the given constraints held as equalities.</summary>
    /// <exception cref="ArgumentException">The constraints cannot hold together.</exception>
    public static ConstraintSpace Of(int q, IReadOnlyList<LinearConstraint> constraints)
    {
        if (constraints.Count == 0) return Unconstrained(q);
        int r = constraints.Count;
        // Rows scaled to unit length so that the rank threshold does not depend on how a constraint is written.
        var c = Matrix<double>.Build.Dense(r, q);
        var d = Vector<double>.Build.Dense(r);
        for (int i = 0; i < r; i++)
        {
            double norm = Math.Sqrt(constraints[i].A.Sum(a => a * a));
            for (int j = 0; j < q; j++) c[i, j] = constraints[i].A[j] / norm;
            d[i] = constraints[i].B / norm;
        }
        var svd = c.Svd(true);
        var s = svd.S;
        int rank = s.Count(x => x > 1e-10 * s[0]);
        var v = svd.VT.Transpose();
        var theta0 = Vector<double>.Build.Dense(q);
        for (int k = 0; k < rank; k++) theta0 += v.Column(k) * (svd.U.Column(k).DotProduct(d) / s[k]);
        var misfit = c * theta0 - d;
        if (misfit.AbsoluteMaximum() > 1e-9 * (1 + d.AbsoluteMaximum() + theta0.AbsoluteMaximum()))
            throw new ArgumentException("The constraints contradict each other: " +
                                        string.Join(", ", constraints.Select(x => $"'{x.Text}'")) + " cannot all hold.", "model");
        var basis = rank == q ? Matrix<double>.Build.Dense(q, 0) : v.SubMatrix(0, q, rank, q - rank);
        return new ConstraintSpace(q, basis, theta0, rank);
    }

    public double[] Theta(Vector<double> x) => _k is null ? x.ToArray() : (_theta0! + _k * x).ToArray();

    /// <summary>The coordinates of the projection of theta onto the space.</summary>
    public Vector<double> Coordinates(IReadOnlyList<double> theta)
    {
        var t = Vector<double>.Build.DenseOfEnumerable(theta);
        return _k is null ? t : _k.TransposeThisAndMultiply(t - _theta0!);
    }

    public Vector<double> Gradient(Vector<double> g) => _k is null ? g : _k.TransposeThisAndMultiply(g);

    public Matrix<double> Information(Matrix<double> info) => _k is null ? info : _k.TransposeThisAndMultiply(info * _k);

    /// <summary>K V K' for a covariance V of the coordinates.</summary>
    public Matrix<double> Expand(Matrix<double> v) => _k is null ? v : _k * v.TransposeAndMultiply(_k);

    /// <summary>Whether parameter i is fixed by the constraints (its row of K vanishes).</summary>
    public bool Pins(int i) => _k is not null && _k.Row(i).AbsoluteMaximum() < 1e-10;
}
