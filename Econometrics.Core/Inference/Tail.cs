namespace Econometrics;

/// <summary>Which tail of the reference distribution gives the p-value.</summary>
public enum Tail
{
    /// <summary>P(|Z| &gt;= |z|): symmetric distributions, e.g. Pesaran's CD.</summary>
    TwoSided,

    /// <summary>P(Z &gt;= z): chi-square, F and one-sided normal tests.</summary>
    Upper,

    /// <summary>P(Z &lt;= z).</summary>
    Lower,
}
