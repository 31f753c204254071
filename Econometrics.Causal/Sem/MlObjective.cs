using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Sem;

/// <summary>
/// lavaan's ML objective F = 0.5 [log|Sigma| + tr(S Sigma^-1) - log|S| - p], its gradient
/// g_a = 0.5 tr(Sigma^-1 (Sigma - S) Sigma^-1 dSigma_a) and the expected information per observation
/// I_ab = 0.5 tr(Sigma^-1 dSigma_a Sigma^-1 dSigma_b).
/// </summary>
internal sealed class MlObjective(RamEvaluator eval, Matrix<double> sample, double logDetS)
{
    internal sealed record State(double[] Theta, double F, Matrix<double> Sigma, Matrix<double> SigmaInv, Matrix<double> FB, Matrix<double> FC);

    /// <summary>The objective at theta, or null outside the parameter space (I - A singular or Sigma not positive definite).</summary>
    public State? At(double[] theta)
    {
        var sigma = eval.Implied(theta, out var fb, out var fc);
        if (sigma is null) return null;
        int p = sigma.RowCount;
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> ch;
        try { ch = sigma.Cholesky(); } catch (ArgumentException) { return null; }
        double logDet = 0;
        for (int i = 0; i < p; i++) logDet += 2 * Math.Log(ch.Factor[i, i]);
        if (!double.IsFinite(logDet)) return null;
        var inv = ch.Solve(Matrix<double>.Build.DenseIdentity(p));
        double tr = sample.PointwiseMultiply(inv).Enumerate().Sum();
        double f = 0.5 * (logDet + tr - logDetS - p);
        return double.IsFinite(f) ? new State(theta, f, sigma, inv, fb, fc) : null;
    }

    public (Vector<double> Gradient, Matrix<double> Information) GradientAndInformation(State s)
    {
        var d = eval.Derivatives(s.FB, s.FC);
        int q = d.Length, p = s.Sigma.RowCount;
        var w = s.SigmaInv * (s.Sigma - sample) * s.SigmaInv;
        var g = Vector<double>.Build.Dense(q, a => 0.5 * w.PointwiseMultiply(d[a]).Enumerate().Sum());
        // I = 0.5 K Kt^T with K rows vec(Sigma^-1 dSigma_a) and Kt rows vec((Sigma^-1 dSigma_a)^T): one GEMM.
        var k = Matrix<double>.Build.Dense(q, p * p);
        var kt = Matrix<double>.Build.Dense(q, p * p);
        for (int a = 0; a < q; a++)
        {
            var ka = s.SigmaInv * d[a];
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++) { k[a, i * p + j] = ka[i, j]; kt[a, j * p + i] = ka[i, j]; }
        }
        var info = k.TransposeAndMultiply(kt) * 0.5;
        return (g, (info + info.Transpose()) * 0.5);
    }
}
