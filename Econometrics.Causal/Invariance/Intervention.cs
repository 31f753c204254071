namespace Econometrics.Causal.Invariance;

/// <summary>A change to one node's structural equation in a <see cref="Econometrics.Sem.Graphs.LinearSem"/>.</summary>
/// <param name="Node">The intervened node's name.</param>
public abstract record Intervention(string Node)
{
    /// <summary>The intervened node's name.</summary>
    public string Node { get; init; } = Node ?? throw new ArgumentNullException(nameof(Node));

    /// <summary>Applies the change to copies of (Lambda, c, Omega) at the node's index.</summary>
    internal abstract void Apply(StructuralParameters parameters, int node, Func<string, int> index);

    /// <summary>Checks a noise standard deviation: positive, so that the error covariance stays positive definite.</summary>
    private protected static double NoiseVariance(double sd, string name) =>
        sd > 0 && double.IsFinite(sd) ? sd * sd
            : throw new ArgumentOutOfRangeException(name, sd, "A noise SD must be positive and finite.");
}
