namespace Econometrics.Compositional;

/// <summary>One cutoff of a permutation FDR table (propr's <c>@fdr</c>: cutoff, randcounts, truecounts, FDR).</summary>
/// <param name="Cutoff">The cutoff on the measure (on |value| for two tails).</param>
/// <param name="Discoveries">Observed pairs beyond the cutoff (propr's <c>truecounts</c>).</param>
/// <param name="PermutedCount">Mean number of pairs beyond the cutoff over the permutations (propr's <c>randcounts</c>).</param>
/// <param name="Fdr">Estimated false discovery rate <c>PermutedCount / Discoveries</c>; NaN when there is no discovery. Not capped at 1.</param>
/// <param name="FdrStdError">Monte Carlo standard error of <see cref="Fdr"/>: the standard deviation of the per-permutation counts over sqrt(P),
/// divided by <see cref="Discoveries"/>.</param>
public sealed record FdrRow(double Cutoff, int Discoveries, double PermutedCount, double Fdr, double FdrStdError);
