using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>
/// The fitting function of a (multiple-group) model: F = sum_g w_g F_g with w_g = N_g / N (lavaan's weighting, so that
/// the test statistic is T = 2 N F = sum_g 2 N_g F_g), its gradient sum_g w_g g_g and expected information
/// sum_g w_g I_g (per observation of the whole sample; the covariance of the estimates is I^-1 / N).
/// </summary>
internal sealed class SemObjective
{
    /// <summary>The objective of every group at one theta.</summary>
    internal sealed record State(double[] Theta, double F, GroupState[] Groups);

    public SemObjective(IReadOnlyList<IGroupObjective> groups, IReadOnlyList<double> weights)
    {
        Groups = groups; Weights = weights;
    }

    /// <summary>A single-group objective (weight 1).</summary>
    public SemObjective(IGroupObjective group) : this([group], [1.0]) { }

    public IReadOnlyList<IGroupObjective> Groups { get; }

    /// <summary>N_g / N.</summary>
    public IReadOnlyList<double> Weights { get; }

    public State? At(double[] theta)
    {
        var states = new GroupState[Groups.Count];
        double f = 0;
        for (int g = 0; g < states.Length; g++)
        {
            if (Groups[g].At(theta) is not { } s) return null;
            states[g] = s;
            f += Weights[g] * s.F;
        }
        return new State(theta, f, states);
    }

    public Vector<double> Gradient(State s)
    {
        if (Groups.Count == 1) return Groups[0].Gradient(s.Groups[0]);
        Vector<double>? sum = null;
        for (int g = 0; g < Groups.Count; g++)
        {
            var gg = Groups[g].Gradient(s.Groups[g]) * Weights[g];
            sum = sum is null ? gg : sum + gg;
        }
        return sum!;
    }

    public (Vector<double> Gradient, Matrix<double> Information) GradientAndInformation(State s)
    {
        if (Groups.Count == 1) return Groups[0].GradientAndInformation(s.Groups[0]);
        Vector<double>? grad = null;
        Matrix<double>? info = null;
        for (int g = 0; g < Groups.Count; g++)
        {
            var (gg, ig) = Groups[g].GradientAndInformation(s.Groups[g]);
            gg *= Weights[g];
            ig *= Weights[g];
            grad = grad is null ? gg : grad + gg;
            info = info is null ? ig : info + ig;
        }
        return (grad!, info!);
    }
}
