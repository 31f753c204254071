namespace Econometrics.Sem.Graphs;

/// <summary>A bidirected edge <c>A &lt;-&gt; B</c> (0-based, A &lt; B); its parameter is omega[A, B] = omega[B, A].</summary>
/// <param name="A">The smaller node index.</param>
/// <param name="B">The larger node index.</param>
public readonly record struct BidirectedEdge(int A, int B);
