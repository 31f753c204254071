using System.Numerics;
using Econometrics.Sem.Algebra;
using Econometrics.Sem.Covariance;
using Econometrics.Sem.Graphs;

namespace Econometrics.Sem.Relations;

/// <summary>
/// Searches for polynomial relations of degree at most <see cref="MaxDegree"/> among the covariances of the observed
/// nodes (the low-degree part of the vanishing ideal). The ideal is multigraded (deg sigma_ij = e_i + e_j) for every
/// mixed graph, so the search runs block by block: for each multidegree, evaluate its monomials at random model points
/// modulo p = 2^31 - 1, take the kernel, keep the vectors that lower-degree relations do not already generate,
/// reconstruct rational coefficients, and certify each polynomial exactly at random rational parameter points.
/// </summary>
public sealed record RelationSearch
{
    /// <summary>Largest degree searched. Default 2.</summary>
    public int MaxDegree { get; init; } = 2;

    /// <summary>The observed nodes (others are latent and marginalized out); null means all nodes.</summary>
    public IReadOnlyList<string>? Observed { get; init; }

    /// <summary>Seed of the random evaluation and certification points. Default 20260101.</summary>
    public int Seed { get; init; } = 20260101;

    /// <summary>Exact rational points at which each relation is verified. Default 3.</summary>
    public int CertificationPoints { get; init; } = 3;

    /// <summary>Upper bound on the monomials of one degree, to keep the search from running away. Default 200000.</summary>
    public int MaxMonomials { get; init; } = 200_000;

    /// <summary>Estimates the vanishing ideal up to MaxDegree: searches the polynomial relations among the observed covariances.</summary>
    /// <param name="graph">The mixed graph.</param>
    /// <param name="cancellationToken">Checked between multidegree blocks (high degrees can take long).</param>
    public RelationsResult Estimate(MixedGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegree, 1, nameof(MaxDegree));
        var obs = (Observed ?? graph.Nodes).Select(graph.IndexOf).ToArray();
        if (obs.Distinct().Count() != obs.Length) throw new ArgumentException("Observed nodes must be distinct.", nameof(Observed));
        int k = obs.Length;
        var pairs = new List<(int I, int J)>();
        for (int i = 0; i < k; i++) for (int j = i; j < k; j++) pairs.Add((i, j));
        int m = pairs.Count;
        bool shortNames = obs.All(v => graph.Nodes[v].Length == 1);
        var names = pairs.Select(p => shortNames ? $"s{graph.Nodes[obs[p.I]]}{graph.Nodes[obs[p.J]]}" : $"s({graph.Nodes[obs[p.I]]},{graph.Nodes[obs[p.J]]})").ToArray();
        var rng = new Random(Seed);

        var relations = new List<CovarianceRelation>();
        var generators = new List<(long[] Coeffs, int[][] Monos, int[] Multi, int Degree)>();
        var pointCache = new List<long[]>();
        long[] Point(int idx)
        {
            while (pointCache.Count <= idx) pointCache.Add(RandomSigmaModP(graph, obs, pairs, rng));
            return pointCache[idx];
        }
        var certPoints = Enumerable.Range(0, CertificationPoints).Select(_ => RandomSigmaExact(graph, obs, pairs, rng)).ToList();

        for (int d = 1; d <= MaxDegree; d++)
        {
            var blocks = new Dictionary<string, List<int[]>>();
            long count = 0;
            foreach (var mono in Multisets(m, d))
            {
                if (++count > MaxMonomials) throw new ArgumentException($"Degree {d} has more than {MaxMonomials} monomials; lower MaxDegree or raise MaxMonomials.", nameof(MaxDegree));
                var md = Multidegree(mono, pairs, k);
                string key = string.Join(",", md);
                if (!blocks.TryGetValue(key, out var list)) blocks[key] = list = [];
                list.Add(mono);
            }
            foreach (var (key, monos) in blocks.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                int b = monos.Count;
                var eval = new long[b + 8, b];
                for (int r = 0; r < b + 8; r++)
                {
                    var pt = Point(r);
                    for (int c = 0; c < b; c++) eval[r, c] = EvalMonomial(monos[c], pt);
                }
                var kernel = ModularMatrix.Kernel(eval);
                if (kernel.Count == 0) continue;
                var multi = key.Split(',').Select(int.Parse).ToArray();
                // Span of lower-degree relations times monomials, inside this block.
                var index = monos.Select((mo, i) => (string.Join(",", mo), i)).ToDictionary(p => p.Item1, p => p.i);
                var span = new List<long[]>();
                foreach (var gen in generators)
                {
                    var rest = multi.Zip(gen.Multi, (a, c) => a - c).ToArray();
                    if (rest.Any(x => x < 0) || rest.Sum() != 2 * (d - gen.Degree)) continue;
                    foreach (var u in Multisets(m, d - gen.Degree))
                    {
                        if (!Multidegree(u, pairs, k).SequenceEqual(rest)) continue;
                        var v = new long[b];
                        for (int t = 0; t < gen.Monos.Length; t++)
                        {
                            var prod = gen.Monos[t].Concat(u).Order().ToArray();
                            v[index[string.Join(",", prod)]] = gen.Coeffs[t];
                        }
                        span.Add(v);
                    }
                }
                foreach (var vec in kernel)
                {
                    if (InSpan(span, vec)) continue;
                    span.Add(vec);
                    var poly = Reconstruct(vec, monos, m);
                    bool certified = poly is not null && certPoints.All(pt => poly.Evaluate(pt).IsZero);
                    if (poly is null) continue;
                    relations.Add(new CovarianceRelation(poly, d, multi, certified));
                    generators.Add((vec, monos.ToArray(), multi, d));
                }
            }
        }
        return new RelationsResult(graph, obs.Select(v => graph.Nodes[v]).ToArray(), names, MaxDegree, relations);
    }

    private static bool InSpan(List<long[]> span, long[] v)
    {
        if (span.Count == 0) return false;
        var a = new long[span.Count + 1, v.Length];
        for (int r = 0; r < span.Count; r++) for (int c = 0; c < v.Length; c++) a[r, c] = span[r][c];
        int before = ModularMatrix.Rank(Slice(a, span.Count));
        for (int c = 0; c < v.Length; c++) a[span.Count, c] = v[c];
        return ModularMatrix.Rank(a) == before;
    }

    private static long[,] Slice(long[,] a, int rows)
    {
        var s = new long[rows, a.GetLength(1)];
        for (int r = 0; r < rows; r++) for (int c = 0; c < a.GetLength(1); c++) s[r, c] = a[r, c];
        return s;
    }

    /// <summary>Rational reconstruction of each coefficient, then denominators cleared and the content removed.</summary>
    private static Polynomial? Reconstruct(long[] vec, List<int[]> monos, int m)
    {
        var terms = new List<(int[], Rational)>();
        for (int i = 0; i < vec.Length; i++)
        {
            if (vec[i] == 0) continue;
            var r = RationalReconstruct(vec[i]);
            if (r is null) return null;
            var e = new int[m];
            foreach (int v in monos[i]) e[v]++;
            terms.Add((e, r.Value));
        }
        var lcm = terms.Aggregate(BigInteger.One, (acc, t) => acc / BigInteger.GreatestCommonDivisor(acc, t.Item2.Denominator) * t.Item2.Denominator);
        var ints = terms.Select(t => (t.Item1, t.Item2.Numerator * (lcm / t.Item2.Denominator))).ToList();
        var g = ints.Aggregate(BigInteger.Zero, (acc, t) => BigInteger.GreatestCommonDivisor(acc, t.Item2));
        var poly = Polynomial.FromTerms(m, ints.Select(t => (t.Item1, t.Item2 / g)));
        // Sign convention: the first printed term is positive.
        return poly.Terms[0].Coefficient.Sign < 0 ? -poly : poly;
    }

    private static Rational? RationalReconstruct(long a)
    {
        long bound = (long)Math.Sqrt(ModPOps.P / 2.0);
        long r0 = ModPOps.P, r1 = a, t0 = 0, t1 = 1;
        while (r1 > bound)
        {
            long q = r0 / r1;
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }
        if (t1 == 0 || Math.Abs(t1) > bound) return null;
        return new Rational(r1, t1);
    }

    private static IEnumerable<int[]> Multisets(int m, int d)
    {
        var cur = new int[d];
        IEnumerable<int[]> Rec(int pos, int start)
        {
            if (pos == d) { yield return (int[])cur.Clone(); yield break; }
            for (int v = start; v < m; v++)
            {
                cur[pos] = v;
                foreach (var x in Rec(pos + 1, v)) yield return x;
            }
        }
        return Rec(0, 0);
    }

    private static int[] Multidegree(int[] mono, List<(int I, int J)> pairs, int k)
    {
        var md = new int[k];
        foreach (int v in mono) { md[pairs[v].I]++; md[pairs[v].J]++; }
        return md;
    }

    private static long EvalMonomial(int[] mono, long[] pt)
    {
        long r = 1;
        foreach (int v in mono) r = r * pt[v] % ModPOps.P;
        return r;
    }

    private static long[] RandomSigmaModP(MixedGraph g, int[] obs, List<(int I, int J)> pairs, Random rng)
    {
        int n = g.Count, d = g.Directed.Count;
        while (true)
        {
            var theta = Enumerable.Range(0, g.ParameterCount).Select(_ => 1 + rng.NextInt64(ModPOps.P - 1)).ToArray();
            var iml = new long[n, n];
            for (int i = 0; i < n; i++) iml[i, i] = 1;
            for (int e = 0; e < d; e++) iml[g.Directed[e].From, g.Directed[e].To] = ModPOps.Instance.Negate(theta[e]);
            var minv = ModularMatrix.Inverse(iml);
            if (minv is null) continue;
            var omega = new long[n, n];
            for (int v = 0; v < n; v++) omega[v, v] = theta[d + v];
            for (int b = 0; b < g.Bidirected.Count; b++) omega[g.Bidirected[b].A, g.Bidirected[b].B] = omega[g.Bidirected[b].B, g.Bidirected[b].A] = theta[d + n + b];
            var sigma = ModularMatrix.Multiply(ModularMatrix.Transpose(minv), ModularMatrix.Multiply(omega, minv));
            return pairs.Select(p => sigma[obs[p.I], obs[p.J]]).ToArray();
        }
    }

    private static Rational[] RandomSigmaExact(MixedGraph g, int[] obs, List<(int I, int J)> pairs, Random rng)
    {
        while (true)
        {
            var theta = Enumerable.Range(0, g.ParameterCount).Select(_ => new Rational(rng.Next(1, 50), rng.Next(1, 50))).ToArray();
            try
            {
                var s = ImpliedCovariance.ByInversionExact(g, theta);
                return pairs.Select(p => s[obs[p.I], obs[p.J]]).ToArray();
            }
            catch (ArgumentException) { }
        }
    }
}
