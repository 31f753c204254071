namespace Econometrics.Sem.Fitting;

/// <summary>How rows with missing values are handled, as lavaan's <c>missing</c> option.</summary>
public enum SemMissing
{
    /// <summary>Rows with a missing value in a model variable are dropped (lavaan's default, <c>missing = "listwise"</c>).</summary>
    Listwise,

    /// <summary>
    /// Full-information ML (<c>missing = "ml"</c>): every row contributes the likelihood of its observed values; valid under
    /// missingness at random. Implies the mean structure; rows missing every model variable are dropped.
    /// </summary>
    Ml,
}
