namespace Econometrics.Causal.Invariance;

/// <summary>Edge-weight change: sets the weight of <paramref name="Parent"/> in the node's equation (0 removes the edge).</summary>
/// <param name="Node">The child.</param>
/// <param name="Parent">The parent.</param>
/// <param name="Weight">The new weight.</param>
public sealed record EdgeWeightIntervention(string Node, string Parent, double Weight) : Intervention(Node)
{
    /// <summary>The parent.</summary>
    public string Parent { get; init; } = Parent ?? throw new ArgumentNullException(nameof(Parent));

    internal override void Apply(StructuralParameters p, int node, Func<string, int> index) => p.Lambda[index(Parent), node] = Weight;
}
