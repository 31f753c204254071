using MathNet.Numerics.LinearAlgebra;
using Econometrics.Sem.Algebra;
using Econometrics.Sem.Graphs;

namespace Econometrics.Sem.Covariance;

/// <summary>
/// The covariance matrix Sigma = (I - Lambda)^-T Omega (I - Lambda)^-1 of a linear SEM, three ways: matrix inversion
/// (the fast path), the one-connection closed form (any graph) and the trek rule (acyclic graphs); each numerically
/// and exactly in rational arithmetic, and the one-connection form also symbolically.
/// </summary>
public static class ImpliedCovariance
{
    /// <summary>Sigma by inversion (LU), the numeric reference.</summary>
    /// <param name="sem">The model.</param>
    public static Matrix<double> ByInversion(LinearSem sem)
    {
        ArgumentNullException.ThrowIfNull(sem);
        return sem.Covariance();
    }

    /// <summary>Sigma by the one-connection rule in floating point.</summary>
    /// <param name="sem">The model.</param>
    public static Matrix<double> ByOneConnection(LinearSem sem)
    {
        ArgumentNullException.ThrowIfNull(sem);
        var rule = new OneConnectionRule<double>(sem.Graph, DoubleOps.Instance, sem.Theta());
        double det = rule.Determinant();
        // The numerator sum_{k,l} omega_kl N_ki N_lj is the product N^T Omega N: BLAS-3 over the path sums.
        return LinearSem.Congruence(Matrix<double>.Build.DenseOfArray(rule.Adjugate()), sem.Omega, 1.0 / (det * det));
    }

    /// <summary>Sigma by the trek rule in floating point (acyclic graphs only).</summary>
    /// <param name="sem">The model.</param>
    public static Matrix<double> ByTrekRule(LinearSem sem)
    {
        ArgumentNullException.ThrowIfNull(sem);
        var s = TrekRule.Covariance(sem.Graph, DoubleOps.Instance, sem.Theta());
        return Matrix<double>.Build.Dense(sem.Graph.Count, sem.Graph.Count, (i, j) => s[i, j]);
    }

    /// <summary>Sigma exactly, by Gauss-Jordan inversion of I - Lambda over the rationals.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="theta">Rational parameters in theta order.</param>
    public static Rational[,] ByInversionExact(MixedGraph graph, IReadOnlyList<Rational> theta)
    {
        CheckExact(graph, theta);
        int n = graph.Count, d = graph.Directed.Count;
        var a = new Rational[n, 2 * n];
        for (int i = 0; i < n; i++) { for (int j = 0; j < 2 * n; j++) a[i, j] = Rational.Zero; a[i, i] = Rational.One; a[i, n + i] = Rational.One; }
        for (int e = 0; e < d; e++) a[graph.Directed[e].From, graph.Directed[e].To] = -theta[e];
        for (int c = 0; c < n; c++)
        {
            int piv = Enumerable.Range(c, n - c).FirstOrDefault(r => !a[r, c].IsZero, -1);
            if (piv < 0) throw new ArgumentException("I - Lambda is singular at these parameters.", nameof(theta));
            for (int j = 0; j < 2 * n; j++) (a[c, j], a[piv, j]) = (a[piv, j], a[c, j]);
            var inv = Rational.One / a[c, c];
            for (int j = 0; j < 2 * n; j++) a[c, j] *= inv;
            for (int r = 0; r < n; r++)
            {
                if (r == c || a[r, c].IsZero) continue;
                var f = a[r, c];
                for (int j = 0; j < 2 * n; j++) a[r, j] -= f * a[c, j];
            }
        }
        var omega = OmegaExact(graph, theta);
        var sigma = new Rational[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                var s = Rational.Zero;
                for (int k = 0; k < n; k++)
                    for (int l = 0; l < n; l++)
                        if (!omega[k, l].IsZero) s += a[k, n + i] * omega[k, l] * a[l, n + j];
                sigma[i, j] = sigma[j, i] = s;
            }
        return sigma;
    }

    /// <summary>Sigma exactly by the one-connection rule.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="theta">Rational parameters in theta order.</param>
    public static Rational[,] ByOneConnectionExact(MixedGraph graph, IReadOnlyList<Rational> theta)
    {
        CheckExact(graph, theta);
        var rule = new OneConnectionRule<Rational>(graph, RationalOps.Instance, theta);
        var det = rule.Determinant();
        if (det.IsZero) throw new ArgumentException("det(I - Lambda) = 0 at these parameters.", nameof(theta));
        var num = rule.CovarianceNumerators();
        var den = det * det;
        int n = graph.Count;
        var s = new Rational[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s[i, j] = num[i, j] / den;
        return s;
    }

    /// <summary>Sigma exactly by the trek rule (acyclic graphs only).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="theta">Rational parameters in theta order.</param>
    public static Rational[,] ByTrekRuleExact(MixedGraph graph, IReadOnlyList<Rational> theta)
    {
        CheckExact(graph, theta);
        return TrekRule.Covariance(graph, RationalOps.Instance, theta);
    }

    /// <summary>Sigma as rational functions of the parameter symbols: one-connection numerators over det(I - Lambda)^2.</summary>
    /// <param name="graph">The graph.</param>
    public static SymbolicCovariance Symbolic(MixedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int q = graph.ParameterCount;
        var ops = new PolynomialOps(q);
        var symbols = Enumerable.Range(0, q).Select(i => Polynomial.Variable(q, i)).ToArray();
        var rule = new OneConnectionRule<Polynomial>(graph, ops, symbols);
        var sccs = CyclicComponents(graph);
        var factors = sccs.Select(c => rule.Determinant(c.Aggregate(0UL, (m, v) => m | (1UL << v)))).ToArray();
        return new SymbolicCovariance(graph, rule.CovarianceNumerators(), rule.Determinant(), sccs, factors);
    }

    /// <summary>The strongly connected components of the directed part that contain a cycle (size at least 2).</summary>
    internal static List<int[]> CyclicComponents(MixedGraph g)
    {
        int n = g.Count;
        var reach = new bool[n, n];
        for (int s = 0; s < n; s++)
        {
            var stack = new Stack<int>([s]);
            while (stack.Count > 0)
                foreach (int c in g.Children(stack.Pop()))
                    if (!reach[s, c]) { reach[s, c] = true; stack.Push(c); }
        }
        var seen = new bool[n];
        var result = new List<int[]>();
        for (int v = 0; v < n; v++)
        {
            if (seen[v] || !reach[v, v]) continue;
            var comp = Enumerable.Range(0, n).Where(u => u == v || (reach[v, u] && reach[u, v])).ToArray();
            foreach (int u in comp) seen[u] = true;
            result.Add(comp);
        }
        return result;
    }

    private static void CheckExact(MixedGraph graph, IReadOnlyList<Rational> theta)
    {
        ArgumentNullException.ThrowIfNull(graph); ArgumentNullException.ThrowIfNull(theta);
        if (theta.Count != graph.ParameterCount)
            throw new ArgumentException($"Expected {graph.ParameterCount} parameters ({string.Join(", ", graph.ParameterNames())}), got {theta.Count}.",
                nameof(theta));
    }

    internal static Rational[,] OmegaExact(MixedGraph graph, IReadOnlyList<Rational> theta)
    {
        int n = graph.Count, d = graph.Directed.Count;
        var omega = new Rational[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) omega[i, j] = Rational.Zero;
        for (int v = 0; v < n; v++) omega[v, v] = theta[d + v];
        for (int b = 0; b < graph.Bidirected.Count; b++) omega[graph.Bidirected[b].A, graph.Bidirected[b].B] = omega[graph.Bidirected[b].B,
            graph.Bidirected[b].A] = theta[d + n + b];
        return omega;
    }
}
