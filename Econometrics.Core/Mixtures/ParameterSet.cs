using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Mixtures;

/// <summary>
/// Flat working storage of all parameters (original scale), with packing to and from a vector in the reporting
/// order: per class α, knot (when free), Ψ (upper triangle by rows), θ, B (by covariate, then growth factor), μx, Φ
/// (upper triangle); then the gating rows of classes 2..K.
/// </summary>
internal sealed class ParameterSet
{
    public ParameterSet(ModelShape shape)
    {
        Shape = shape;
        int k = shape.K, q = shape.Q, m = shape.M;
        Alpha = new double[k][]; B = new double[k][]; Psi = new double[k][]; MuX = new double[k][]; Phi = new double[k][];
        Gamma = new double[k][]; Theta = new double[k];
        for (int c = 0; c < k; c++)
        {
            Alpha[c] = new double[q]; B[c] = new double[q * m]; Psi[c] = new double[q * q];
            MuX[c] = new double[m]; Phi[c] = new double[m * m];
            Gamma[c] = new double[shape.R];
        }
        Gate = new double[k * (shape.G + 1)];
    }

    public ModelShape Shape { get; }
    public double[][] Alpha { get; }
    /// <summary>The curve's nonlinear parameters per class (R each: knot, rate, acceleration or relative rates).</summary>
    public double[][] Gamma { get; }
    /// <summary>q x m, row-major.</summary>
    public double[][] B { get; }
    /// <summary>q x q, row-major.</summary>
    public double[][] Psi { get; }
    public double[] Theta { get; }
    public double[][] MuX { get; }
    /// <summary>m x m, row-major.</summary>
    public double[][] Phi { get; }
    /// <summary>K x (G+1), row-major; row 0 is zero.</summary>
    public double[] Gate { get; }

    public ParameterSet Clone()
    {
        var c = new ParameterSet(Shape);
        c.CopyFrom(this);
        return c;
    }

    public void CopyFrom(ParameterSet o)
    {
        for (int k = 0; k < Shape.K; k++)
        {
            o.Alpha[k].CopyTo(Alpha[k], 0); o.B[k].CopyTo(B[k], 0); o.Psi[k].CopyTo(Psi[k], 0);
            o.MuX[k].CopyTo(MuX[k], 0); o.Phi[k].CopyTo(Phi[k], 0); o.Gamma[k].CopyTo(Gamma[k], 0);
        }
        o.Theta.CopyTo(Theta, 0); o.Gate.CopyTo(Gate, 0);
    }

    /// <summary>Packs the free parameters (γ included when <paramref name="withKnots"/> and free).</summary>
    public double[] Pack(bool withKnots)
    {
        var v = new List<double>(Shape.Count);
        Walk(withKnots, (ref double x) => v.Add(x));
        return [.. v];
    }

    /// <summary>Unpacks a vector written by <see cref="Pack"/>, restoring symmetry.</summary>
    public void Unpack(double[] v, bool withKnots)
    {
        int i = 0;
        Walk(withKnots, (ref double x) => x = v[i++]);
        Symmetrize();
    }

    /// <summary>Positions of the curve parameters γ in the packed vector (withKnots = true), class by class.</summary>
    public int[] KnotIndices()
    {
        var idx = new List<int>();
        if (!Shape.FreeGamma) return [];
        for (int k = 0; k < Shape.K; k++) for (int r = 0; r < Shape.R; r++) idx.Add(k * Shape.PerClass + Shape.Q + r);
        return [.. idx];
    }

    /// <summary>γ entry number <paramref name="index"/> of <see cref="KnotIndices"/> (class-major).</summary>
    public ref double GammaAt(int index) => ref Gamma[index / Shape.R][index % Shape.R];

    public void Symmetrize()
    {
        int q = Shape.Q, m = Shape.M;
        for (int k = 0; k < Shape.K; k++)
        {
            for (int a = 0; a < q; a++) for (int b = a + 1; b < q; b++) Psi[k][b * q + a] = Psi[k][a * q + b];
            for (int a = 0; a < m; a++) for (int b = a + 1; b < m; b++) Phi[k][b * m + a] = Phi[k][a * m + b];
        }
        for (int g = 0; g <= Shape.G; g++) Gate[g] = 0;
    }

    private delegate void Visit(ref double x);

    private void Walk(bool withKnots, Visit f)
    {
        int q = Shape.Q, m = Shape.M;
        for (int k = 0; k < Shape.K; k++)
        {
            for (int a = 0; a < q; a++) f(ref Alpha[k][a]);
            if (Shape.FreeGamma && withKnots) for (int r = 0; r < Shape.R; r++) f(ref Gamma[k][r]);
            for (int a = 0; a < q; a++) for (int b = a; b < q; b++) f(ref Psi[k][a * q + b]);
            f(ref Theta[k]);
            for (int c = 0; c < m; c++) for (int r = 0; r < q; r++) f(ref B[k][r * m + c]);
            if (Shape.JointX)
            {
                for (int c = 0; c < m; c++) f(ref MuX[k][c]);
                for (int a = 0; a < m; a++) for (int b = a; b < m; b++) f(ref Phi[k][a * m + b]);
            }
        }
        for (int k = 1; k < Shape.K; k++) for (int g = 0; g <= Shape.G; g++) f(ref Gate[k * (Shape.G + 1) + g]);
    }

    /// <summary>Names of the packed parameters, in order.</summary>
    public string[] Names(bool withKnots, IReadOnlyList<string> experts, IReadOnlyList<string> gating)
    {
        int q = Shape.Q, m = Shape.M;
        var f = Shape.FactorNames;
        var names = new List<string>();
        for (int k = 0; k < Shape.K; k++)
        {
            string c = $"class {k + 1}: ";
            for (int a = 0; a < q; a++) names.Add(c + "alpha." + f[a]);
            if (Shape.FreeGamma && withKnots) foreach (var g in Shape.GammaNames) names.Add(c + g);
            for (int a = 0; a < q; a++) for (int b = a; b < q; b++) names.Add(c + $"psi.{a}{b}");
            names.Add(c + "theta");
            for (int j = 0; j < m; j++) for (int r = 0; r < q; r++) names.Add(c + $"beta.{experts[j]}->{f[r]}");
            if (Shape.JointX)
            {
                for (int j = 0; j < m; j++) names.Add(c + $"mux.{experts[j]}");
                for (int a = 0; a < m; a++) for (int b = a; b < m; b++) names.Add(c + $"phi.{experts[a]},{experts[b]}");
            }
        }
        for (int k = 1; k < Shape.K; k++)
        {
            names.Add($"gate {k + 1}: intercept");
            for (int g = 0; g < Shape.G; g++) names.Add($"gate {k + 1}: {gating[g]}");
        }
        return [.. names];
    }

    /// <summary>Converts to the public record.</summary>
    public MixtureParameters ToPublic()
    {
        int q = Shape.Q, m = Shape.M;
        var classes = new GrowthClassParameters[Shape.K];
        for (int k = 0; k < Shape.K; k++)
            classes[k] = new GrowthClassParameters(
                Vector<double>.Build.DenseOfArray((double[])Alpha[k].Clone()),
                Shape.HasKnot ? Gamma[k][0] : double.NaN,
                Matrix<double>.Build.Dense(q, m, (r, c) => B[k][r * m + c]),
                Matrix<double>.Build.Dense(q, q, (r, c) => Psi[k][r * q + c]),
                Theta[k],
                Vector<double>.Build.DenseOfArray(Shape.JointX ? (double[])MuX[k].Clone() : new double[m]),
                Matrix<double>.Build.Dense(m, m, (r, c) => Shape.JointX ? Phi[k][r * m + c] : 0.0))
            { CurveParameters = Vector<double>.Build.DenseOfArray((double[])Gamma[k].Clone()) };
        var gate = Matrix<double>.Build.Dense(Shape.K, Shape.G + 1, (r, c) => Gate[r * (Shape.G + 1) + c]);
        return new MixtureParameters(classes, gate);
    }

    /// <summary>Builds working storage from the public record, validating its dimensions.</summary>
    public static ParameterSet FromPublic(MixtureParameters p, ModelShape shape)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.K != shape.K) throw new ArgumentException($"The parameters have {p.K} classes; the model has {shape.K}.", nameof(p));
        if (p.Gating.RowCount != shape.K || p.Gating.ColumnCount != shape.G + 1)
            throw new ArgumentException($"Gating must be {shape.K} x {shape.G + 1} (classes x (1 + gating covariates)); it is {p.Gating.RowCount} " +
                $"x {p.Gating.ColumnCount}.", nameof(p));
        int q = shape.Q, m = shape.M;
        var s = new ParameterSet(shape);
        for (int k = 0; k < shape.K; k++)
        {
            var c = p.Classes[k];
            if (c.Alpha.Count != q || c.Psi.RowCount != q || c.Psi.ColumnCount != q)
                throw new ArgumentException($"Class {k + 1}: α must have {q} entries and Ψ be {q} x {q} for a {shape.Curve} curve.", nameof(p));
            if (c.B.RowCount != q || c.B.ColumnCount != m)
                throw new ArgumentException($"Class {k + 1}: B must be {q} x {m} (growth factors x expert covariates).", nameof(p));
            if (shape.JointX && (c.MuX.Count != m || c.Phi.RowCount != m || c.Phi.ColumnCount != m))
                throw new ArgumentException($"Class {k + 1}: μx must have {m} entries and Φ be {m} x {m}.", nameof(p));
            if (shape.HasKnot && !double.IsFinite(c.Knot))
                throw new ArgumentException($"Class {k + 1}: a bilinear spline needs a finite knot.", nameof(p));
            if (shape.HasGamma && !shape.HasKnot && (c.CurveParameters.Count != shape.R || c.CurveParameters.Any(v => !double.IsFinite(v))))
                throw new ArgumentException(
                    $"Class {k + 1}: a {GrowthMixtureResult.CurveName(shape.Curve)} curve needs {shape.R} finite curve parameter(s) " +
                        $"({string.Join(", ", shape.GammaNames)}).", nameof(p));
            for (int a = 0; a < q; a++) s.Alpha[k][a] = c.Alpha[a];
            if (shape.HasKnot) s.Gamma[k][0] = c.Knot;
            else for (int r = 0; r < shape.R; r++) s.Gamma[k][r] = c.CurveParameters[r];
            for (int r = 0; r < q; r++) for (int j = 0; j < m; j++) s.B[k][r * m + j] = c.B[r, j];
            for (int r = 0; r < q; r++) for (int j = 0; j < q; j++) s.Psi[k][r * q + j] = c.Psi[r, j];
            s.Theta[k] = c.Theta;
            if (shape.JointX)
            {
                for (int j = 0; j < m; j++) s.MuX[k][j] = c.MuX[j];
                for (int r = 0; r < m; r++) for (int j = 0; j < m; j++) s.Phi[k][r * m + j] = c.Phi[r, j];
            }
        }
        for (int r = 0; r < shape.K; r++) for (int g = 0; g <= shape.G; g++) s.Gate[r * (shape.G + 1) + g] = p.Gating[r, g] - p.Gating[0, g];
        return s;
    }
}
