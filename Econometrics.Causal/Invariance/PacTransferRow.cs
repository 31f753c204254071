namespace Econometrics.Causal.Invariance;

/// <summary>The PAC transfer experiment at one number of training environments m.</summary>
/// <param name="TrainingEnvironments">m.</param>
/// <param name="SelectedNonInvariant">Share of replications whose selected hypothesis is not known to be invariant (NaN when no known-invariant list
/// was given).</param>
/// <param name="MeanFailureRate">Mean share of unseen environments on which the selected hypothesis fails.</param>
/// <param name="FailureProbability">P-hat(failure rate &gt; epsilon_pac): the PAC failure probability.</param>
/// <param name="Lower">Clopper-Pearson 95% lower bound of <paramref name="FailureProbability"/>.</param>
/// <param name="Upper">Clopper-Pearson 95% upper bound.</param>
/// <param name="Analytic">The analytic curve (1 - q)^m, NaN when no rare-change probability q was given.</param>
public sealed record PacTransferRow(int TrainingEnvironments, double SelectedNonInvariant, double MeanFailureRate, double FailureProbability,
    double Lower, double Upper, double Analytic);
