using System.Text;

namespace Econometrics.Reporting;

/// <summary>Greedy word wrap for fixed-width text (summary footnotes, command help).</summary>
public static class TextWrap
{
    /// <summary>The words of <paramref name="text"/> in lines of at most <paramref name="width"/> characters (a longer
    /// word stands alone); always at least one line.</summary>
    public static List<string> Lines(string text, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width) { lines.Add(line.ToString()); line.Clear(); }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }
}
