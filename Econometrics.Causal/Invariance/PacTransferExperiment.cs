using System.Numerics;
using MathNet.Numerics.Distributions;
using Econometrics.Sem.Graphs;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// The PAC transfer experiment (Parulekar, Shanmugam and Shakkottai, ICML 2023): draw m training environments from an intervention
/// family, keep the hypotheses (subsets of predictors) whose population-optimal (b, w) varies by at most
/// <see cref="Tolerance"/> across them, select the one with the smallest mean residual variance (ties: fewer
/// predictors), and measure on fresh environments how often it stops being approximately invariant.
/// </summary>
/// <remarks>
/// Uses exact moments (infinite samples per environment), as in the population analysis of that paper. Replications run in parallel, each with
/// its own random stream derived from <see cref="Seed"/>, m and the replication index, so results do not depend on
/// the thread count.
/// </remarks>
public sealed record PacTransferExperiment
{
    /// <summary>The observational SEM.</summary>
    public required LinearSem Base { get; init; }

    /// <summary>The target node; the hypotheses are subsets of the other nodes.</summary>
    public required string Target { get; init; }

    /// <summary>The intervention family Pi.</summary>
    public required InterventionFamily Family { get; init; }

    /// <summary>Candidate hypotheses as predictor subsets; null means all 2^p subsets (including the empty one).</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Hypotheses { get; init; }

    /// <summary>Hypotheses known to be invariant under the family, for the "selected non-invariant" column; null omits it.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? KnownInvariant { get; init; }

    /// <summary>The numbers of training environments m to run.</summary>
    public IReadOnlyList<int> TrainingEnvironments { get; init; } = [2, 5, 10, 20, 30, 50];

    /// <summary>Tolerance tau on the L2 distance of (b, w) (approximate invariance).</summary>
    public double Tolerance { get; init; } = 0.05;

    /// <summary>epsilon_pac: the share of unseen environments on which failure is tolerated.</summary>
    public double FailureProbability { get; init; } = 0.05;

    /// <summary>delta: the PAC confidence parameter (for the finite-class bound).</summary>
    public double Delta { get; init; } = 0.05;

    /// <summary>Replications R per m.</summary>
    public int Replications { get; init; } = 300;

    /// <summary>Fresh environments M drawn per replication.</summary>
    public int TestDraws { get; init; } = 300;

    /// <summary>Probability q of the rare mechanism change whose absence from training causes failure; gives the analytic curve (1 - q)^m.</summary>
    public double? RareChangeProbability { get; init; }

    /// <summary>The seed.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Runs the experiment.</summary>
    /// <param name="progress">Receives the fraction done.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public PacTransferResult Simulate(IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(Base); ArgumentNullException.ThrowIfNull(Family);
        if (!(Tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be positive.");
        if (!(FailureProbability > 0 && FailureProbability < 1)) throw new ArgumentOutOfRangeException(nameof(FailureProbability), FailureProbability,
            "Must be in (0, 1).");
        if (!(Delta > 0 && Delta < 1)) throw new ArgumentOutOfRangeException(nameof(Delta), Delta, "Must be in (0, 1).");
        if (Replications < 1 || TestDraws < 1) throw new ArgumentOutOfRangeException(nameof(Replications), "Replications and TestDraws must be positive.");
        if (TrainingEnvironments.Count == 0 || TrainingEnvironments.Any(m => m < 2))
            throw new ArgumentException("Every m must be at least 2.", nameof(TrainingEnvironments));
        ArgumentNullException.ThrowIfNull(Target);
        var predictors = Base.Predictors(Target);
        int p = predictors.Count;
        var hyp = (Hypotheses ?? AllSubsets(predictors)).Select(h => Selection(h, predictors)).ToArray();
        var known = KnownInvariant?.Select(h => Selection(h, predictors)).Select(m => m.Mask).ToHashSet();
        int nodes = Base.Graph.Count, target = Base.Graph.IndexOf(Target);
        var predictorNodes = Enumerable.Range(0, nodes).Where(i => i != target).ToArray();
        var hypNodes = hyp.Select(h => (h.Mask, Nodes: Enumerable.Range(0,
            p).Where(j => (h.Mask & (1UL << j)) != 0).Select(j => predictorNodes[j]).ToArray())).ToArray();
        var rows = new List<PacTransferRow>();
        for (int mi = 0; mi < TrainingEnvironments.Count; mi++)
        {
            int m = TrainingEnvironments[mi];
            var bad = new bool[Replications];
            var wrong = new bool[Replications];
            var rate = new double[Replications];
            Parallel.For(0, Replications, new ParallelOptions { CancellationToken = cancellationToken }, rep =>
            {
                var rng = new Random(StreamSeed(Seed, m, rep));
                var train = Enumerable.Range(0, m).Select(_ => Family.DrawMoments(Base, rng)).ToArray();
                (ulong Mask, int[] Nodes)? best = null;
                double[]? reference = null;
                (double, int) bestKey = (double.PositiveInfinity, int.MaxValue);
                foreach (var h in hypNodes)
                {
                    var s2 = new double[m];
                    var coefs = train.Select((t, i) => PopulationInvariance.SubsetRegressor(t.Mean, t.Covariance, nodes, target, h.Nodes, out s2[i])).ToArray();
                    if (MaxPairDistance(coefs) > Tolerance) continue;
                    var key = (Math.Round(s2.Average(), 12), h.Nodes.Length);
                    if (key.CompareTo(bestKey) < 0)
                    {
                        bestKey = key; best = h;
                        reference = Enumerable.Range(0, coefs[0].Length).Select(j => coefs.Average(c => c[j])).ToArray();
                    }
                }
                if (best is null) { bad[rep] = true; rate[rep] = 1; wrong[rep] = true; return; }
                int fails = 0;
                for (int j = 0; j < TestDraws; j++)
                {
                    var (mu, cov) = Family.DrawMoments(Base, rng);
                    var c = PopulationInvariance.SubsetRegressor(mu, cov, nodes, target, best.Value.Nodes, out _);
                    double d = 0;
                    for (int i = 0; i < c.Length; i++) d += (c[i] - reference![i]) * (c[i] - reference[i]);
                    if (Math.Sqrt(d) > Tolerance) fails++;
                }
                rate[rep] = (double)fails / TestDraws;
                bad[rep] = rate[rep] > FailureProbability;
                wrong[rep] = known is not null && !known.Contains(best.Value.Mask);
            });
            int nb = bad.Count(b => b);
            var (lo, hi) = ClopperPearson(nb, Replications);
            rows.Add(new PacTransferRow(m, known is null ? double.NaN : wrong.Count(w => w) / (double)Replications, rate.Average(),
                nb / (double)Replications, lo, hi, RareChangeProbability is { } q ? Math.Pow(1 - q, m) : double.NaN));
            progress?.Report((mi + 1.0) / TrainingEnvironments.Count);
        }
        double bound = (Math.Log(hyp.Length) + Math.Log(1 / Delta)) / FailureProbability;
        return new PacTransferResult(rows, hyp.Length, Tolerance, FailureProbability, Delta, Replications, TestDraws, RareChangeProbability, bound, Seed);
    }

    // A deterministic seed per (seed, m, replication). HashCode.Combine would not do: it is randomised per process.
    internal static int StreamSeed(int seed, int m, int rep)
    {
        return SplitMix64.ToSeed(SplitMix64.StreamKey((ulong)(uint)seed, (uint)m, (uint)rep));
    }

    private static double MaxPairDistance(double[][] c)
    {
        double best = 0;
        for (int a = 0; a < c.Length; a++)
            for (int b = a + 1; b < c.Length; b++)
            {
                double d = 0;
                for (int j = 0; j < c[a].Length; j++) d += (c[a][j] - c[b][j]) * (c[a][j] - c[b][j]);
                best = Math.Max(best, d);
            }
        return Math.Sqrt(best);
    }

    /// <summary>Exact (Clopper-Pearson) 95% interval for a binomial proportion.</summary>
    internal static (double Lower, double Upper) ClopperPearson(int x, int n) =>
        (x == 0 ? 0.0 : Beta.InvCDF(x, n - x + 1, 0.025), x == n ? 1.0 : Beta.InvCDF(x + 1, n - x, 0.975));

    private static IReadOnlyList<IReadOnlyList<string>> AllSubsets(IReadOnlyList<string> predictors) =>
        Enumerable.Range(0, 1 << predictors.Count)
            .OrderBy(m => BitOperations.PopCount((uint)m)).ThenBy(m => m)
            .Select(m => (IReadOnlyList<string>)predictors.Where((_, j) => (m & (1 << j)) != 0).ToArray()).ToArray();

    private static (ulong Mask, Matrix<double> Phi) Selection(IReadOnlyList<string> subset, IReadOnlyList<string> predictors)
    {
        ulong mask = 0;
        foreach (var s in subset)
        {
            int j = predictors.ToList().IndexOf(s);
            if (j < 0) throw new ArgumentException($"'{s}' is not a predictor of the SEM.", nameof(Hypotheses));
            mask |= 1UL << j;
        }
        var idx = Enumerable.Range(0, predictors.Count).Where(j => (mask & (1UL << j)) != 0).ToArray();
        return (mask, Matrix<double>.Build.Dense(idx.Length, predictors.Count, (r, j) => idx[r] == j ? 1.0 : 0.0));
    }
}
