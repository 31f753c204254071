using Econometrics.Sem.Algebra;
using Econometrics.Sem.Graphs;
namespace Econometrics.Sem.Covariance;

/// <summary>
/// The trek rule for acyclic mixed graphs (Wright 1934; Sullivant, Talaska, Draisma 2010):
/// sigma_ij = sum over treks (P_L, P_R) from i to j of omega_top lambda^P_L lambda^P_R, where the top is a node k
/// (omega_kk) or a bidirected edge k &lt;-&gt; l (omega_kl).
/// </summary>
/// <remarks>
/// Path sums are built by dynamic programming in topological order, P[k, i] = [k = i] + sum_{p in pa(i)} P[k, p] lambda_pi,
/// independently of the depth-first path enumeration of <see cref="OneConnectionRule{T}"/>, so the two serve as
/// differential checks of each other.
/// </remarks>
internal static class TrekRule
{
    public static T[,] Covariance<T>(MixedGraph g, IRingOps<T> ops, IReadOnlyList<T> theta)
    {
        var order = g.TopologicalOrder()
            ?? throw new ArgumentException("The trek rule needs an acyclic directed part; use the one-connection rule for cyclic graphs.", nameof(g));
        int n = g.Count, d = g.Directed.Count;
        var lambda = new Dictionary<(int, int), T>();
        for (int e = 0; e < d; e++) lambda[(g.Directed[e].From, g.Directed[e].To)] = theta[e];
        var paths = new T[n, n];
        for (int k = 0; k < n; k++)
            foreach (int i in order)
            {
                var s = k == i ? ops.One : ops.Zero;
                foreach (int p in g.Parents(i)) s = ops.Add(s, ops.Multiply(paths[k, p], lambda[(p, i)]));
                paths[k, i] = s;
            }
        var sigma = new T[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++)
            {
                var s = ops.Zero;
                for (int top = 0; top < n; top++) s = ops.Add(s, ops.Multiply(theta[d + top], ops.Multiply(paths[top, i], paths[top, j])));
                for (int b = 0; b < g.Bidirected.Count; b++)
                {
                    var (k, l) = (g.Bidirected[b].A, g.Bidirected[b].B);
                    // A bidirected top can be entered from either end on the left side.
                    var both = ops.Add(ops.Multiply(paths[k, i], paths[l, j]), ops.Multiply(paths[l, i], paths[k, j]));
                    s = ops.Add(s, ops.Multiply(theta[d + n + b], both));
                }
                sigma[i, j] = sigma[j, i] = s;
            }
        return sigma;
    }
}
