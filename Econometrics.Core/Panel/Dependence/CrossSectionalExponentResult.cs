using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using Econometrics.Reporting;

namespace Econometrics.Panel.Dependence;

/// <summary>The estimated exponent of cross-sectional dependence with its standard error and interval.</summary>
public sealed record CrossSectionalExponentResult : Result
{
    internal CrossSectionalExponentResult(string source, string method, int n, int t, double alpha, double stdError, double ciLower,
        double ciUpper, double level, double? alphaHat, double? alphaTilde, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source; Method = method; N = n; T = t; Alpha = alpha; StdError = stdError; CiLower = ciLower; CiUpper = ciUpper;
        Level = level; AlphaHat = alphaHat; AlphaTilde = alphaTilde; Diagnostics = diagnostics;
    }

    /// <summary>What was analysed.</summary>
    public string Source { get; }

    /// <summary>Which estimator (the 2016 variable version or the 2019 residual version).</summary>
    public string Method { get; }

    /// <summary>Units used.</summary>
    public int N { get; }

    /// <summary>Periods.</summary>
    public int T { get; }

    /// <summary>The estimate of alpha (the bias-adjusted alpha-circle for a variable).</summary>
    public double Alpha { get; }

    /// <summary>Its standard error (NaN when the residual version ran without bootstrap).</summary>
    public double StdError { get; }

    /// <summary>Lower end of the interval.</summary>
    public double CiLower { get; }

    /// <summary>Upper end of the interval.</summary>
    public double CiUpper { get; }

    /// <summary>The interval's confidence level.</summary>
    public double Level { get; }

    /// <summary>Variable version: the unadjusted alpha-hat (BKP eq. 11); null for residuals.</summary>
    public double? AlphaHat { get; }

    /// <summary>Variable version: alpha-tilde, corrected for the idiosyncratic part (eq. 34); null for residuals.</summary>
    public double? AlphaTilde { get; }

    /// <summary>
    /// Whether the data show no evidence of strong dependence (the estimate is not <see cref="Identified"/> above 1/2), so
    /// weak cross-sectional dependence, under which Pesaran's CD stays valid (Pesaran and Xie), is not excluded. Inside
    /// [0, 1/2] the point estimate does not order the data (with no factor at all it can land slightly above 1/2).
    /// </summary>
    public bool Weak => !Identified;

    /// <summary>
    /// Whether the interval lies inside 1/2 &lt; alpha &lt;= 1, the range in which Bailey, Kapetanios and Pesaran (2016,
    /// 2019) establish their estimators' distributions: its lower end (the point estimate when there is no interval)
    /// clears <see cref="IdentifiedAbove"/>. When false, the data do not exclude alpha &lt;= 1/2 and the estimate cannot
    /// place alpha inside [0, 1/2]: there the variance of the cross-section average is of order 1/N whatever alpha is
    /// (2016), and the residual estimator ln(N + sum of significant |rho_ij|) / (2 ln N) is at least 1/2 by construction (2019).
    /// </summary>
    public bool Identified => (double.IsNaN(CiLower) ? Alpha : CiLower) > IdentifiedAbove;

    /// <summary>1/2 + 1/(4 ln N): the lower interval end above which the estimate counts as evidence of alpha &gt; 1/2 (a margin for the estimators' O(1/ln N) bias at alpha = 1/2).</summary>
    public double IdentifiedAbove => CrossSectionalExponent.IdentifiedAbove(N);

    /// <summary>The CD statistic the estimate calls for: CD* (or CD_W) when alpha &gt; 1/2 is evidenced, CD otherwise.</summary>
    public string CallsFor => Identified ? "CD* (or CD_W)" : "CD";

    /// <summary>Which CD statistic the estimate calls for, and why.</summary>
    public string Advice => Identified
        ? "alpha > 1/2 (strong cross-sectional dependence): CD over-rejects on residuals of models with estimated factors; use CD* (Pesaran-Xie) or CD_W (Juodis-Reese)."
        : "alpha <= 1/2 is not excluded (no evidence of strong dependence; below 1/2 the estimator does not identify alpha, so read it as 'at most about 1/2'): Pesaran's CD remains valid under weak dependence, also on residuals of models with estimated factors; CD* (Pesaran-Xie) stays valid if alpha is in fact just above 1/2.";

    /// <inheritdoc/>
    public override SummaryTable Summary()
    {
        string lv = (Level * 100).ToString("G4", CultureInfo.InvariantCulture);
        var s = new SummaryTable("Exponent of cross-sectional dependence")
            .AddHeader("Data", Source).AddHeader("Method", Method).AddHeader("Units (N)", N).AddHeader("Periods (T)", T);
        var table = new Table("Estimate", "", "alpha", "Std. Error", $"[{lv}%", "CI]");
        table.AddRow("alpha", Alpha, StdError, CiLower, CiUpper);
        if (AlphaHat is { } ah) table.AddRow("alpha-hat (unadjusted)", ah, double.NaN, double.NaN, double.NaN);
        if (AlphaTilde is { } at) table.AddRow("alpha-tilde", at, double.NaN, double.NaN, double.NaN);
        s.AddTable(table);
        s.AddNote(Advice);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

    /// <inheritdoc/>
    protected override JsonTypeInfo JsonContract => CoreJsonContext.Default.CrossSectionalExponentResult;
}
