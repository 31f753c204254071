using System.Globalization;

namespace Econometrics.Cli;

/// <summary>
/// The progress line on stderr. It is drawn only when stderr is a terminal (redirected stderr gets no <c>\r</c>
/// frames), and <see cref="EndLine"/> closes an open line so that a following message starts on a line of its own.
/// </summary>
public sealed class ProgressDisplay
{
    private readonly TextWriter _error;
    private readonly bool _enabled;
    private readonly Lock _gate = new();
    private bool _lineOpen;
    private string _last = "";

    /// <summary>Creates the display.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="enabled">Whether stderr is a terminal.</param>
    public ProgressDisplay(TextWriter error, bool enabled) { _error = error; _enabled = enabled; }

    /// <summary>A progress reporter for fractions in [0, 1].</summary>
    /// <param name="label">The task, e.g. "moe".</param>
    public IProgress<double> Fraction(string label) => new Reporter(this, v => Bar(label, v, null));

    /// <summary>Draws a frame (thread-safe; identical frames are skipped).</summary>
    /// <param name="frame">The text of the line.</param>
    public void Draw(string frame)
    {
        if (!_enabled) return;
        lock (_gate)
        {
            if (frame == _last) return;
            _last = frame;
            _error.Write("\r" + frame + "   ");
            _lineOpen = true;
        }
    }

    /// <summary>A status line (e.g. the report's current section), shown only on a terminal.</summary>
    /// <param name="text">The status.</param>
    public void Status(string text) => Draw(text);

    /// <summary>Ends an open progress line.</summary>
    public void EndLine()
    {
        lock (_gate)
        {
            if (!_lineOpen) return;
            _error.WriteLine();
            _lineOpen = false;
            _last = "";
        }
    }

    /// <summary>A bar like <c>[moe] [#####     ]  50% (3/6)</c>.</summary>
    /// <param name="label">The task.</param>
    /// <param name="fraction">Done, in [0, 1].</param>
    /// <param name="counts">"done/total", when known.</param>
    public static string Bar(string label, double fraction, string? counts)
    {
        fraction = double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) : 0;
        int pct = (int)Math.Floor(100 * fraction);
        return string.Create(CultureInfo.InvariantCulture, $"[{label}] [{new string('#', pct / 5),-20}] {pct,3}%{(counts is null ? "" : $" ({counts})")}");
    }

    private sealed class Reporter(ProgressDisplay display, Func<double, string> frame) : IProgress<double>
    {
        public void Report(double value) => display.Draw(frame(value));
    }
}
