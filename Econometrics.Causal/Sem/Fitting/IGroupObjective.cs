using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// The discrepancy function of one group, over the shared parameter vector theta of all groups (a parameter that a
/// group does not use has zero gradient and information there). <see cref="SemObjective"/> sums the groups with weights
/// N_g / N, as lavaan does, so that T = 2 N F = sum_g 2 N_g F_g.
/// </summary>
internal interface IGroupObjective
{
    /// <summary>The group's model-implied moments.</summary>
    RamEvaluator Evaluator { get; }

    /// <summary>F_g at theta, or null outside the parameter space (I - A singular or Sigma not positive definite).</summary>
    GroupState? At(double[] theta);

    /// <summary>dF_g / dtheta and the expected information per observation of the group (q x q).</summary>
    (Vector<double> Gradient, Matrix<double> Information) GradientAndInformation(GroupState s);
}

/// <summary>One group's objective value at theta with the implied moments it was computed from.</summary>
internal record GroupState(double[] Theta, double F, Matrix<double> Sigma, Matrix<double> SigmaInv, RamEvaluator.Moments Moments)
{
    public Matrix<double> FB => Moments.FB;
    public Matrix<double> FC => Moments.FC;
}
