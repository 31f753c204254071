using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>Exact first and second moments of a linear SEM: mu = (I - B)^-1 c and Sigma = (I - B)^-1 D (I - B)^-T.</summary>
/// <param name="Mean">The mean vector over all nodes.</param>
/// <param name="Covariance">The covariance matrix over all nodes.</param>
/// <param name="Target">Index of the target node.</param>
public sealed record SemMoments(Vector<double> Mean, Matrix<double> Covariance, int Target)
{
    /// <summary>Indices of the predictors: every node except the target, in order.</summary>
    public int[] Predictors => Enumerable.Range(0, Mean.Count).Where(i => i != Target).ToArray();
}
