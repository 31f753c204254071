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

    /// <summary>The Hessian sum_g w_g H_g (observed information per observation), or null when a group's objective has none.</summary>
    public Matrix<double>? Hessian(State s)
    {
        if (Groups.Count == 1) return Groups[0] is MlObjective one ? one.Hessian(s.Groups[0]) : null;
        var parts = new Matrix<double>[Groups.Count];
        for (int g = 0; g < Groups.Count; g++)
        {
            if (Groups[g] is not MlObjective ml) return null;
            parts[g] = ml.Hessian(s.Groups[g]);
        }
        return WeightedSum(parts);
    }

    public (Vector<double> Gradient, Matrix<double> Information) GradientAndInformation(State s)
    {
        if (Groups.Count == 1) return Groups[0].GradientAndInformation(s.Groups[0]);
        var grads = new Vector<double>[Groups.Count];
        var infos = new Matrix<double>[Groups.Count];
        for (int g = 0; g < Groups.Count; g++) (grads[g], infos[g]) = Groups[g].GradientAndInformation(s.Groups[g]);
        var grad = new double[grads[0].Count];
        for (int g = 0; g < Groups.Count; g++)
            for (int a = 0; a < grad.Length; a++) grad[a] += Weights[g] * grads[g][a];
        return (Vector<double>.Build.Dense(grad), WeightedSum(infos));
    }

    // sum_g w_g M_g in one loop over the storage (Math.NET's element-wise operations above a few hundred elements go to the
    // thread pool, which costs more than the additions).
    private Matrix<double> WeightedSum(Matrix<double>[] parts)
    {
        int r = parts[0].RowCount, c = parts[0].ColumnCount;
        var sum = new double[r * c];
        for (int g = 0; g < parts.Length; g++)
        {
            var a = parts[g].AsColumnMajorArray() ?? parts[g].ToColumnMajorArray();
            double w = Weights[g];
            for (int i = 0; i < sum.Length; i++) sum[i] += w * a[i];
        }
        return Matrix<double>.Build.Dense(r, c, sum);
    }
}
