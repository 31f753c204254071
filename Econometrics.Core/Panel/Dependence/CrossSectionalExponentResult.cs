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

    /// <summary>Whether the dependence is weak enough (alpha below 1/2) for Pesaran's CD to stay valid (Pesaran and Xie).</summary>
    public bool Weak => Alpha < 0.5;

    /// <summary>Which CD statistic the estimate calls for.</summary>
    public string Advice => Weak
        ? "alpha < 1/2 (weak cross-sectional dependence): Pesaran's CD remains valid, also on residuals of models with estimated factors."
        : "alpha >= 1/2 (strong cross-sectional dependence): CD over-rejects on residuals of models with estimated factors; use CD* (Pesaran-Xie) or CD_W (Juodis-Reese).";

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
