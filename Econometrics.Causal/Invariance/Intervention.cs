namespace Econometrics.Causal.Invariance;

/// <summary>A change to one node's structural equation in a <see cref="LinearSem"/>.</summary>
/// <param name="Node">The intervened node's name.</param>
public abstract record Intervention(string Node)
{
    /// <summary>Applies the change to copies of (B, c, noise SD) at the node's index.</summary>
    internal abstract void Apply(LinearSem.Parameters parameters, int node, Func<string, int> index);
}
