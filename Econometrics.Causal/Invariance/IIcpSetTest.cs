namespace Econometrics.Causal.Invariance;

/// <summary>The per-set computations of the ICP search: an invariance p-value and the pooled coefficients.</summary>
internal interface IIcpSetTest
{
    /// <summary>The p-value of H0: the set <paramref name="cols"/> (0-based predictor indices) is invariant.</summary>
    double PValue(int[] cols, IcpTest test);

    /// <summary>Pooled slopes and standard errors of the set's model (without the intercept).</summary>
    (double[] Coefficients, double[] StdErrors) Coefficients(int[] cols);
}
