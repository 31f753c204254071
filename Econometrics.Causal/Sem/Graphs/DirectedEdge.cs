namespace Econometrics.Sem.Graphs;

/// <summary>A directed edge <c>From -&gt; To</c> of a mixed graph (0-based node indices); its coefficient is lambda[From, To].</summary>
/// <param name="From">The tail (cause).</param>
/// <param name="To">The head (effect).</param>
public readonly record struct DirectedEdge(int From, int To);
