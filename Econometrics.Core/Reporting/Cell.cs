using System.Globalization;

namespace Econometrics.Reporting;

/// <summary>One value in a summary: text, or a number with the format it prints with.</summary>
/// <remarks>Numbers stay numbers so that JSON gets the full double while text and HTML get the rounded form.</remarks>
public readonly record struct Cell
{
    private Cell(string? text, double number, string? format) { TextValue = text; Number = number; Format = format; }

    /// <summary>The text, when the cell is text.</summary>
    public string? TextValue { get; }

    /// <summary>The number, when the cell is numeric (NaN otherwise).</summary>
    public double Number { get; }

    /// <summary>The .NET format string, or null for the default numeric format.</summary>
    public string? Format { get; }

    /// <summary>Whether the cell holds a number.</summary>
    public bool IsNumber => TextValue is null;

    /// <summary>A text cell.</summary>
    /// <param name="text">The text.</param>
    public static Cell Text(string? text) => new(text ?? "", double.NaN, null);

    /// <summary>A numeric cell.</summary>
    /// <param name="value">The number.</param>
    /// <param name="format">A .NET format such as "F3"; null gives four significant decimals or scientific notation.</param>
    public static Cell Num(double value, string? format = null) => new(null, value, format);

    /// <summary>An integer cell.</summary>
    /// <param name="value">The integer.</param>
    public static Cell Int(long value) => new(null, value, "0");

    /// <summary>A p-value cell, printed by <see cref="PValueFormat"/> (R's format.pval convention); JSON keeps the exact value.</summary>
    /// <param name="p">The p-value.</param>
    public static Cell PValue(double p) => new(null, p, "pvalue");

    /// <summary>Converts text.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator Cell(string text) => Text(text);

    /// <summary>Converts a number.</summary>
    /// <param name="value">The number.</param>
    public static implicit operator Cell(double value) => Num(value);

    /// <summary>Converts an integer.</summary>
    /// <param name="value">The integer.</param>
    public static implicit operator Cell(int value) => Int(value);

    /// <summary>The cell as printed (invariant culture).</summary>
    public override string ToString()
    {
        if (TextValue is not null) return TextValue;
        double x = Number;
        if (double.IsNaN(x)) return "";
        if (double.IsInfinity(x)) return x > 0 ? "Inf" : "-Inf";
        if (Format == "pvalue")
            return PValueFormat.Format(x);
        if (Format is not null) return x.ToString(Format, CultureInfo.InvariantCulture);
        double a = Math.Abs(x);
        return a != 0 && (a >= 1e6 || a < 1e-4)
            ? x.ToString("0.0000e+00", CultureInfo.InvariantCulture)
            : x.ToString("F4", CultureInfo.InvariantCulture);
    }
}
