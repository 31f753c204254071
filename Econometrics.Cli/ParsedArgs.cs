using System.Globalization;

namespace Econometrics.Cli;

/// <summary>Command-line arguments split into positionals and <c>--name value</c> / <c>--flag</c> options.</summary>
public sealed class ParsedArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Parses arguments; <paramref name="flags"/> names the options that take no value.</summary>
    /// <param name="args">The arguments after the command name.</param>
    /// <param name="flags">Options without a value, e.g. "icp".</param>
    public ParsedArgs(IEnumerable<string> args, IEnumerable<string>? flags = null)
    {
        var flagSet = new HashSet<string>(flags ?? [], StringComparer.Ordinal) { "help" };
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var name = a[2..];
                string? value = null;
                int eq = name.IndexOf('=');
                if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
                else if (!flagSet.Contains(name))
                {
                    if (i + 1 >= list.Count) throw new UsageException($"Option --{name} needs a value.");
                    value = list[++i];
                }
                if (_options.ContainsKey(name)) throw new UsageException($"Option --{name} is given twice.");
                _options[name] = value;
            }
            else Positionals.Add(a);
        }
    }

    /// <summary>Arguments that are not options, in order.</summary>
    public List<string> Positionals { get; } = [];

    /// <summary>Whether an option or flag was given.</summary>
    /// <param name="name">The option name without dashes.</param>
    public bool Has(string name) { _used.Add(name); return _options.ContainsKey(name); }

    /// <summary>The option's value, or null when absent.</summary>
    /// <param name="name">The option name without dashes.</param>
    public string? Get(string name) { _used.Add(name); return _options.TryGetValue(name, out var v) ? v : null; }

    /// <summary>The option's value; a usage error when absent.</summary>
    /// <param name="name">The option name without dashes.</param>
    /// <param name="what">What the value is, for the message.</param>
    public string Require(string name, string what) =>
        Get(name) ?? throw new UsageException($"--{name} is required ({what}).");

    /// <summary>The option as a comma-separated list (empty when absent).</summary>
    /// <param name="name">The option name without dashes.</param>
    public string[] GetList(string name) =>
        Get(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>The option as an integer, or the default.</summary>
    /// <param name="name">The option name without dashes.</param>
    /// <param name="fallback">The default.</param>
    public int GetInt(string name, int fallback)
    {
        var v = Get(name);
        if (v is null) return fallback;
        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) ? x
            : throw new UsageException($"--{name} must be an integer, not '{v}'.");
    }

    /// <summary>The option as a number, or the default.</summary>
    /// <param name="name">The option name without dashes.</param>
    /// <param name="fallback">The default.</param>
    public double GetDouble(string name, double fallback)
    {
        var v = Get(name);
        if (v is null) return fallback;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? x
            : throw new UsageException($"--{name} must be a number, not '{v}'.");
    }

    /// <summary>Throws a usage error naming any option the command never asked for.</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"Unknown option --{unknown[0]}.");
    }
}
