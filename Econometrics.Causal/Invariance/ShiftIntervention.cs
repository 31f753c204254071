namespace Econometrics.Causal.Invariance;

/// <summary>Mean shift: adds <paramref name="Delta"/> to the node's intercept c.</summary>
/// <param name="Node">The node.</param>
/// <param name="Delta">The shift.</param>
public sealed record ShiftIntervention(string Node, double Delta) : Intervention(Node)
{
    internal override void Apply(StructuralParameters p, int node, Func<string, int> index) => p.Intercepts[node] += Delta;
}
