namespace Econometrics.Data;

/// <summary>Orders labels numerically when every label is a number, ordinally otherwise (so 2 &lt; 10 for years and ids).</summary>
internal sealed class LabelComparer : IComparer<string>
{
    private static readonly LabelComparer Numeric = new(true), Ordinal = new(false);
    private readonly bool _numeric;

    private LabelComparer(bool numeric) => _numeric = numeric;

    public static LabelComparer For(IEnumerable<string> labels) => labels.All(l => CsvFrame.TryNumber(l, out _)) ? Numeric : Ordinal;

    public int Compare(string? x, string? y)
    {
        if (_numeric && CsvFrame.TryNumber(x ?? "", out var a) && CsvFrame.TryNumber(y ?? "", out var b)) return a.CompareTo(b);
        return string.CompareOrdinal(x, y);
    }
}
