namespace Econometrics.Panel.Dependence;

/// <summary>The pair sums behind CD, LM and scaled LM (the formulas of plm::pcdtest), from the pairwise correlations.</summary>
internal sealed class CdStatistics
{
    public CdStatistics(PairwiseCorrelations pc)
    {
        int n = pc.N;
        double cd = 0, lm = 0, sclm = 0, rho = 0, absRho = 0, maxT = 0;
        int pairs = 0, dropped = 0;
        for (int j = 0; j < n; j++)
            for (int i = j + 1; i < n; i++)
            {
                double r = pc.Rho[i + j * n];
                if (double.IsNaN(r)) { dropped++; continue; }
                double tij = pc.Tij(i, j);
                cd += Math.Sqrt(tij) * r;
                lm += tij * r * r;
                sclm += tij * r * r - 1;
                rho += r; absRho += Math.Abs(r);
                maxT = Math.Max(maxT, tij);
                pairs++;
            }
        Pairs = pairs; Dropped = dropped; MaxTij = maxT;
        Cd = cd / Math.Sqrt(pairs);
        Lm = lm;
        ScaledLm = sclm / Math.Sqrt(2.0 * pairs);
        MeanRho = rho / pairs; MeanAbsRho = absRho / pairs;
    }

    public int Pairs { get; }
    public int Dropped { get; }
    public double MaxTij { get; }
    public double Cd { get; }
    public double Lm { get; }
    public double ScaledLm { get; }
    public double MeanRho { get; }
    public double MeanAbsRho { get; }
}
