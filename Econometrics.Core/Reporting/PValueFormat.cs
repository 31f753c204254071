using System.Globalization;

namespace Econometrics.Reporting;

/// <summary>
/// The one way p-values are printed, R's <c>format.pval</c> convention: three significant digits in fixed or scientific
/// notation, whichever is shorter, and a floor at machine epsilon (<c>&lt; 2.2e-16</c>) below which a p-value printed
/// from a double carries no information. JSON keeps the exact value.
/// </summary>
public static class PValueFormat
{
    /// <summary>The floor, R's <c>.Machine$double.eps</c>.</summary>
    public const double Floor = 2.220446049250313e-16;

    /// <summary>Significant digits printed (R's <c>printCoefmat</c> prints p-values with three).</summary>
    public const int Digits = 3;

    /// <summary>Formats a p-value: "0.0312", "1.7e-14", "&lt; 2.2e-16"; empty for NaN.</summary>
    /// <param name="p">The p-value.</param>
    public static string Format(double p)
    {
        if (double.IsNaN(p)) return "";
        if (p < Floor) return "< 2.2e-16";
        if (p >= 1) return "1";
        return Significant(p, Digits);
    }

    /// <summary>A p-value inside prose: "p = 0.0312", "p = 1.7e-14", "p &lt; 2.2e-16"; "p = n/a" for NaN.</summary>
    /// <param name="p">The p-value.</param>
    public static string InText(double p) =>
        double.IsNaN(p) ? "p = n/a" : p < Floor ? "p < 2.2e-16" : "p = " + Format(p);

    /// <summary>R's <c>format(x, digits)</c> for one positive number: fixed unless scientific is shorter.</summary>
    /// <param name="x">A positive finite number.</param>
    /// <param name="digits">Significant digits.</param>
    internal static string Significant(double x, int digits)
    {
        var inv = CultureInfo.InvariantCulture;
        // Scientific: mantissa with at most `digits` significant digits, trailing zeros dropped, two-digit exponent.
        string sci = x.ToString("E" + (digits - 1), inv);
        int e = sci.IndexOf('E');
        string mantissa = sci[..e], exponentText = sci[(e + 1)..];
        if (mantissa.Contains('.')) mantissa = mantissa.TrimEnd('0').TrimEnd('.');
        int exponent = int.Parse(exponentText, inv);
        sci = mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", inv);
        // Fixed: enough decimals for `digits` significant digits, trailing zeros dropped.
        double rounded = double.Parse(x.ToString("E" + (digits - 1), inv), inv);
        int decimals = Math.Max(0, digits - 1 - (int)Math.Floor(Math.Log10(rounded)));
        string fix = rounded.ToString("F" + decimals, inv);
        if (fix.Contains('.')) fix = fix.TrimEnd('0').TrimEnd('.');
        return fix.Length <= sci.Length ? fix : sci;
    }
}
