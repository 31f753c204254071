namespace Econometrics.Data;

/// <summary>How <see cref="CsvFrame"/> reads a CSV file.</summary>
public sealed record CsvOptions
{
    /// <summary>The field separator; a comma by default.</summary>
    public char Separator { get; init; } = ',';

    /// <summary>Cells read as missing (compared after trimming, case-sensitive). Default: empty, NA, NaN, ".".</summary>
    public IReadOnlySet<string> MissingValues { get; init; } = new HashSet<string> { "", "NA", "NaN", "." };

    /// <summary>Columns always read as text even when their first value looks numeric (e.g. zero-padded ids).</summary>
    public IReadOnlySet<string> TextColumns { get; init; } = new HashSet<string>();
}
