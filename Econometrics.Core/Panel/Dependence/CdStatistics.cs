using Econometrics.LinearAlgebra;

namespace Econometrics.Panel.Dependence;

/// <summary>The pair sums behind CD, LM and scaled LM (the formulas of plm::pcdtest).</summary>
/// <remarks>
/// Balanced panels need no pair: with Z the T x N standardized columns (unit norm), sum_{i&lt;j} rho_ij =
/// (||Z 1||^2 - N) / 2, so CD alone costs O(N T), and sum_{i&lt;j} rho_ij^2 = (||Z Z'||_F^2 - N) / 2, so LM, scaled LM
/// and the BFK correction cost one T x T SYRK (O(N T^2) work, O(N T) memory). Unbalanced panels sum sqrt(T_ij) rho_ij and
/// T_ij rho_ij^2 over the pairs, tile by tile; small balanced panels sum them over the N x N Gram of Z, formed in row panels, that
/// also gives mean |rho| and CD_W+'s screening term in the same sweep.
/// </remarks>
internal sealed class CdStatistics
{
    private CdStatistics(long pairs, long dropped, double maxT, double cd, double lm, double sclm, double meanRho, double? meanAbsRho,
        double? above = null)
    {
        Pairs = pairs; Dropped = dropped; MaxTij = maxT; Cd = cd; Lm = lm; ScaledLm = sclm; MeanRho = meanRho; MeanAbsRho = meanAbsRho;
        AboveThreshold = above;
    }

    /// <summary>Sum of |rho_ij| above the screening threshold given to <see cref="FromPairs"/> (CD_W+'s eq. 32 term); null on the moment path.</summary>
    public double? AboveThreshold { get; }

    public long Pairs { get; }
    public long Dropped { get; }
    public double MaxTij { get; }
    public double Cd { get; }
    public double Lm { get; }
    public double ScaledLm { get; }
    public double MeanRho { get; }

    /// <summary>Mean |rho_ij| over the pairs; null when no pair was formed (the moment path).</summary>
    public double? MeanAbsRho { get; private set; }

    /// <summary>The balanced-panel statistics from the moments of Z alone.</summary>
    public static CdStatistics FromMoments(PairwiseCorrelations pc, ILinearAlgebra la)
    {
        var z = pc.Z ?? throw new InvalidOperationException("The moment path needs a balanced panel.");
        int n = pc.N, t = pc.T;
        var g = new double[t * t];
        la.Syrk(false, t, n, 1.0, z, 0.0, g);
        double frob = 0;
        foreach (var v in g) frob += v * v;
        double sumRho2 = (frob - n) / 2;
        long pairs = (long)n * (n - 1) / 2;
        return FromRowSums(pc, t * sumRho2, (t * sumRho2 - pairs) / Math.Sqrt(2.0 * pairs));
    }

    /// <summary>CD and the mean rho of a balanced panel from the row sums of Z alone (O(N T)); LM and scaled LM as given (NaN: not computed).</summary>
    public static CdStatistics FromRowSums(PairwiseCorrelations pc, double lm = double.NaN, double scaledLm = double.NaN)
    {
        var z = pc.Z ?? throw new InvalidOperationException("The row-sum path needs a balanced panel.");
        int n = pc.N, t = pc.T;
        double sumRho = (PanelMath.SquaredRowSumNorm(z, t, n) - n) / 2;
        long pairs = (long)n * (n - 1) / 2;
        return new(pairs, 0, t, Math.Sqrt(t) * sumRho / Math.Sqrt(pairs), lm, scaledLm, sumRho / pairs, null);
    }

    /// <summary>
    /// The statistics summed over every pair (any panel), with the mean |rho_ij| and the sum of the |rho_ij| above
    /// <paramref name="threshold"/> (default: none counted).
    /// </summary>
    public static CdStatistics FromPairs(PairwiseCorrelations pc, double threshold = double.PositiveInfinity)
    {
        var s = pc.Reduce(new Sums(threshold));
        long pairs = s.Pairs;
        return new(pairs, s.Dropped, s.MaxT, s.Cd / Math.Sqrt(pairs), s.Lm, s.Sclm / Math.Sqrt(2.0 * pairs),
            s.Rho / pairs, s.AbsRho / pairs, s.Above);
    }

    /// <summary>Sets the mean |rho_ij| found by another pass over the pairs.</summary>
    public void SetMeanAbsRho(double value) => MeanAbsRho = value;

    private struct Sums(double threshold) : IPairAccumulator<Sums>
    {
        public double Cd, Lm, Sclm, Rho, AbsRho, Above, MaxT;
        public long Pairs, Dropped;
        private double _t, _rootT;   // the last overlap and its square root: balanced panels take one root, not one per pair

        public readonly Sums Empty() => new(threshold);

        public void Add(int i, int j, double r, double tij)
        {
            if (double.IsNaN(r)) { Dropped++; return; }
            if (tij != _t) { _t = tij; _rootT = Math.Sqrt(tij); }
            Cd += _rootT * r;
            Lm += tij * r * r;
            Sclm += tij * r * r - 1;
            double a = Math.Abs(r);
            Rho += r; AbsRho += a;
            if (a > threshold) Above += a;
            MaxT = Math.Max(MaxT, tij);
            Pairs++;
        }

        public void Merge(in Sums o)
        {
            Cd += o.Cd; Lm += o.Lm; Sclm += o.Sclm; Rho += o.Rho; AbsRho += o.AbsRho; Above += o.Above;
            MaxT = Math.Max(MaxT, o.MaxT); Pairs += o.Pairs; Dropped += o.Dropped;
        }
    }
}

/// <summary>Sum of |rho_ij| over all pairs and over the pairs above a threshold (CD_W+'s screening term), in one pass.</summary>
internal struct AbsoluteCorrelationSums(double threshold) : IPairAccumulator<AbsoluteCorrelationSums>
{
    public double All, Above;
    public long Pairs;

    public readonly AbsoluteCorrelationSums Empty() => new(threshold);

    public void Add(int i, int j, double rho, double tij)
    {
        if (double.IsNaN(rho)) return;
        double a = Math.Abs(rho);
        All += a; Pairs++;
        if (a > threshold) Above += a;
    }

    public void Merge(in AbsoluteCorrelationSums o) { All += o.All; Above += o.Above; Pairs += o.Pairs; }
}
