using System.Runtime.CompilerServices;
using Econometrics.Sem.Algebra;
using Econometrics.Sem.Fitting;
using Econometrics.Sem.Syntax;
namespace Econometrics.Sem.Identification;

/// <summary>
/// The Jacobian of theta -&gt; vech(Sigma) of a RAM-form model, evaluated exactly over F_p (p = 2^31 - 1) at a random point.
/// Full column rank mod p certifies that the parametrization is generically finite-to-one over Q (a nonzero maximal
/// minor mod p is a nonzero polynomial over Z); a rank deficit at independent random points shows, with probability
/// at least 1 - (deg/p)^k, that it is generically infinite-to-one.
/// </summary>
internal static class JacobianRank
{
    private const long P = ModPOps.P;

    /// <summary>The rank at <paramref name="points"/> independent random points (the maximum), and the parameters that
    /// appear in the kernel at the best point (not locally identified).</summary>
    public static (int Rank, int[] Unidentified) Compute(RamModel model, int seed, int points = 2) => Compute([model], seed, points);

    /// <summary>
    /// The same for a multiple-group model: the groups' Jacobians at one common theta, stacked (the parameters are shared, so
    /// a direction is unidentified only when it leaves every group's moments unchanged).
    /// </summary>
    public static (int Rank, int[] Unidentified) Compute(IReadOnlyList<RamModel> models, int seed, int points = 2)
    {
        var rng = new Random(seed);
        var model = models[0];
        int best = -1; int[] unid = [];
        for (int k = 0; k < points; k++)
        {
            var j = Evaluate(models, rng);
            int rank = ModularMatrix.Rank(j);
            if (rank > best)
            {
                best = rank;
                // The kernel (a second elimination) only matters when the rank falls short.
                unid = rank == model.FreeCount ? []
                    : ModularMatrix.Kernel(j).SelectMany(v => v.Select((x, i) => (x, i)).Where(t => t.x != 0).Select(t => t.i)).Distinct().Order().ToArray();
            }
            if (best == model.FreeCount) break;
        }
        return (best, unid);
    }

    public static long[,] Evaluate(RamModel model, Random rng) => Evaluate([model], rng);

    private static long[,] Evaluate(IReadOnlyList<RamModel> models, Random rng)
    {
        for (int attempt = 0; ; attempt++)
        {
            var theta = Enumerable.Range(0, models[0].FreeCount).Select(_ => 1 + rng.NextInt64(P - 1)).ToArray();
            var blocks = new List<long[,]>();
            foreach (var model in models)
                if (EvaluateAt(model, theta, rng) is { } block) blocks.Add(block);
                else break;
            if (blocks.Count < models.Count)
            {
                if (attempt > 20) throw new InvalidOperationException("I - A is singular at every random point.");
                continue;
            }
            if (blocks.Count == 1) return blocks[0];
            int rows = blocks.Sum(b => b.GetLength(0)), q = theta.Length, at = 0;
            var stacked = new long[rows, q];
            foreach (var b in blocks)
            {
                for (int i = 0; i < b.GetLength(0); i++)
                    for (int j = 0; j < q; j++) stacked[at + i, j] = b[i, j];
                at += b.GetLength(0);
            }
            return stacked;
        }
    }

    // The Jacobian of one model at theta, or null when I - A is singular there.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long[,]? EvaluateAt(RamModel model, long[] theta, Random rng)
    {
        int m = model.Size, p = model.Observed;
        {
            var a = new long[m, m]; var s = new long[m, m]; var mean = new long[m];
            var xFixed = new Dictionary<(int, int), long>();
            foreach (var c in model.Cells)
            {
                long v = c.IsFree ? theta[c.Free]
                    : c.Kind == RamCellKind.FixedX ? (xFixed.TryGetValue((c.Row, c.IsMean ? -1 : c.Col), out var x) ? x : xFixed[(c.Row,
                        c.IsMean ? -1 : c.Col)] = 1 + rng.NextInt64(P - 1))
                    : ModularMatrix.FromRational(Rational.FromDouble(c.Value));
                if (c.IsA) a[c.Row, c.Col] = v;
                else if (c.IsMean) mean[c.Row] = v;
                else s[c.Row, c.Col] = s[c.Col, c.Row] = v;
            }
            var iminus = new long[m, m];
            for (int i = 0; i < m; i++) for (int jj = 0; jj < m; jj++) iminus[i, jj] = ModPOps.Sub(i == jj ? 1 : 0, a[i, jj]);
            var b = ModularMatrix.Inverse(iminus);
            if (b is null) return null;
            var c2 = ModularMatrix.Multiply(ModularMatrix.Multiply(b, s), ModularMatrix.Transpose(b));
            int rows = p * (p + 1) / 2 + (model.HasMeans ? p : 0);
            // mu = F B m: dmu_i/dm_j = B[i, j] and dmu_i/dA[r, c] = B[i, r] (B m)_c.
            var bm = new long[m];
            for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) bm[i] = (bm[i] + b[i, j] * mean[j]) % P;
            var jac = new long[rows, model.FreeCount];
            foreach (var cell in model.Cells)
            {
                if (!cell.IsFree) continue;
                int r = 0;
                if (cell.IsMean)
                {
                    for (int i = 0; i < p; i++) jac[p * (p + 1) / 2 + i, cell.Free] = (jac[p * (p + 1) / 2 + i, cell.Free] + b[i, cell.Row]) % P;
                    continue;
                }
                if (cell.IsA && model.HasMeans)
                    for (int i = 0; i < p; i++)
                        jac[p * (p + 1) / 2 + i, cell.Free] = (jac[p * (p + 1) / 2 + i, cell.Free] + b[i, cell.Row] * bm[cell.Col]) % P;
                for (int i = 0; i < p; i++)
                    for (int jj = i; jj < p; jj++, r++)
                    {
                        long d;
                        if (cell.IsA)
                            // u v^T + v u^T with u = B[:, row], v = C[:, col]
                            d = (b[i, cell.Row] * c2[jj, cell.Col] + c2[i, cell.Col] * b[jj, cell.Row]) % P;
                        else if (cell.Row == cell.Col) d = b[i, cell.Row] * b[jj, cell.Row] % P;
                        else d = (b[i, cell.Row] * b[jj, cell.Col] + b[i, cell.Col] * b[jj, cell.Row]) % P;
                        jac[r, cell.Free] = (jac[r, cell.Free] + d) % P;
                    }
            }
            return jac;
        }
    }
}
