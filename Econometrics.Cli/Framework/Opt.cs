using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Econometrics.Cli;

/// <summary>
/// Typed option declarations. Each option parses, range-checks and documents itself from one declaration, so
/// <c>--help</c> and parsing cannot disagree and every value is validated before any work starts.
/// </summary>
public static class Opt
{
    /// <summary>A flag: takes no value, so it can never swallow the next token.</summary>
    /// <param name="name">The option, e.g. "--icp".</param>
    /// <param name="description">One line for help.</param>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>A free-text value (a formula, a prefix, a name).</summary>
    /// <param name="name">The option.</param>
    /// <param name="helpName">The placeholder shown in help, e.g. "COL".</param>
    /// <param name="description">One line for help.</param>
    /// <param name="required">Whether the option must be given.</param>
    public static Option<string?> Text(string name, string helpName, string description, bool required = false) =>
        new(name)
        {
            Description = description, HelpName = helpName, Required = required,
            CustomParser = r => NonEmpty(r, name),
        };

    /// <summary>A column of the input data.</summary>
    /// <param name="name">The option.</param>
    /// <param name="description">One line for help.</param>
    /// <param name="required">Whether the option must be given.</param>
    public static Option<string?> Column(string name, string description, bool required = true) =>
        Text(name, "COL", description, required);

    /// <summary>A comma-separated list of names (columns, parts); empty entries are rejected.</summary>
    /// <param name="name">The option.</param>
    /// <param name="helpName">The placeholder, e.g. "a,b,c".</param>
    /// <param name="description">One line for help.</param>
    /// <param name="required">Whether the option must be given.</param>
    public static Option<string[]> List(string name, string helpName, string description, bool required = false)
    {
        var option = new Option<string[]>(name)
        {
            Description = description, HelpName = helpName, Required = required, Arity = ArgumentArity.ExactlyOne,
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                var items = text.Split(',', StringSplitOptions.TrimEntries);
                if (items.Any(i => i.Length == 0))
                {
                    r.AddError($"{name}: '{text}' must be a comma-separated list of names without empty entries."); return [];
                }
                return items;
            },
        };
        // A required list has no default (a default would satisfy "required").
        if (!required) option.DefaultValueFactory = _ => [];
        return option;
    }

    /// <summary>The shard files a <c>merge</c> subcommand combines: one or more existing, readable JSON files.</summary>
    public static Argument<string[]> ShardFiles()
    {
        var files = new Argument<string[]>("SHARD.json") { Description = "the shards' --json files", Arity = ArgumentArity.OneOrMore };
        files.Validators.Add(r =>
        {
            foreach (var t in r.Tokens)
                if (InputFileProblem(t.Value) is { } problem) { r.AddError($"merge: {problem}"); return; }
        });
        return files;
    }

    /// <summary>
    /// <c>--shard i/n|auto|auto/n</c>, the one shard option of every replicated runner (Monte Carlo, bootstrap,
    /// simulation study): shard i (0-based) of n, or the shard of a Slurm job array (<c>auto</c>) or a Kubernetes
    /// Indexed Job (<c>auto/n</c>, or <c>auto</c> with ECON_SHARD_COUNT), read by <see cref="Inference.Shard.Parse"/>.
    /// Absent: the whole computation.
    /// </summary>
    /// <param name="what">What is sharded, for help, e.g. "replications".</param>
    public static Option<Inference.Shard> Shard(string what) =>
        new("--shard")
        {
            Description = $"run shard i (0-based) of n of the {what}, or take it from a Slurm job array (auto) or a Kubernetes Indexed Job " +
                "(auto/n); merge the shards' JSON files afterwards",
            HelpName = "i/n|auto|auto/n",
            DefaultValueFactory = _ => Inference.Shard.All,
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                try { return Inference.Shard.Parse(text); }
                catch (ArgumentException e) { r.AddError("--shard: " + e.Message.Split(" (Parameter")[0]); return Inference.Shard.All; }
            },
        };

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="name">The option.</param>
    /// <param name="helpName">The placeholder, e.g. "N".</param>
    /// <param name="description">One line for help.</param>
    /// <param name="defaultValue">The value when the option is absent.</param>
    /// <param name="min">The smallest accepted value.</param>
    /// <param name="max">The largest accepted value.</param>
    public static Option<int> Int(string name, string helpName, string description, int defaultValue, int min = int.MinValue, int max = int.MaxValue) =>
        new(name)
        {
            Description = description, HelpName = helpName, DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseInt(r, name, min, max),
        };

    /// <summary>An optional integer (null when absent) in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="name">The option.</param>
    /// <param name="helpName">The placeholder.</param>
    /// <param name="description">One line for help.</param>
    /// <param name="min">The smallest accepted value.</param>
    /// <param name="max">The largest accepted value.</param>
    /// <param name="required">Whether the option must be given.</param>
    public static Option<int?> OptionalInt(string name, string helpName, string description, int min = int.MinValue, int max = int.MaxValue,
        bool required = false) =>
        new(name)
        {
            Description = description, HelpName = helpName, Required = required,
            CustomParser = r => ParseInt(r, name, min, max),
        };

    /// <summary>A comma-separated list of integers, each in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="name">The option.</param>
    /// <param name="helpName">The placeholder, e.g. "N1,N2".</param>
    /// <param name="description">One line for help.</param>
    /// <param name="defaultValue">The list when the option is absent.</param>
    /// <param name="min">The smallest accepted value.</param>
    /// <param name="max">The largest accepted value.</param>
    public static Option<int[]> IntList(string name, string helpName, string description, int[] defaultValue, int min = int.MinValue, int max = int.MaxValue) =>
        new(name)
        {
            Description = description, HelpName = helpName, Arity = ArgumentArity.ExactlyOne, DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                var result = new List<int>();
                foreach (var item in text.Split(','))
                {
                    if (!int.TryParse(item.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
                    { r.AddError($"{name} must list integers {Range(min, max)}, not '{item.Trim()}'."); return []; }
                    result.Add(v);
                }
                return [.. result];
            },
        };

    /// <summary>A finite number satisfying <paramref name="bounds"/>.</summary>
    /// <param name="name">The option.</param>
    /// <param name="helpName">The placeholder, e.g. "A".</param>
    /// <param name="description">One line for help.</param>
    /// <param name="defaultValue">The value when the option is absent.</param>
    /// <param name="bounds">The accepted range; null accepts every finite number.</param>
    public static Option<double> Double(string name, string helpName, string description, double defaultValue, Bounds? bounds = null) =>
        new(name)
        {
            Description = description, HelpName = helpName, DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                { r.AddError($"{name} must be a number, not '{text}'."); return defaultValue; }
                if (bounds is not null && !bounds.Contains(v)) { r.AddError($"{name} must lie in {bounds}, not {text}."); return defaultValue; }
                return v;
            },
        };

    /// <summary>
    /// One word out of a fixed set. Numbers, comma lists and anything else are rejected (an enum option must never
    /// turn "7" into a value silently).
    /// </summary>
    /// <typeparam name="T">The value type, usually an enum.</typeparam>
    /// <param name="name">The option.</param>
    /// <param name="description">One line for help.</param>
    /// <param name="defaultValue">The value when the option is absent.</param>
    /// <param name="choices">The accepted words (case-insensitive) and their values.</param>
    public static ChoiceOption<T> Choice<T>(string name, string description, T defaultValue, params (string Word, T Value)[] choices) =>
        new(name, description, defaultValue, choices);

    /// <summary>A comma-separated list of words out of a fixed set.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="name">The option.</param>
    /// <param name="description">One line for help.</param>
    /// <param name="defaultValue">The list when the option is absent.</param>
    /// <param name="choices">The accepted words and their values.</param>
    public static Option<T[]> ChoiceList<T>(string name, string description, T[] defaultValue, params (string Word, T Value)[] choices) =>
        new(name)
        {
            Description = description, HelpName = string.Join(",", choices.Select(c => c.Word).Take(3)) + ",...",
            Arity = ArgumentArity.ExactlyOne, DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
                var result = new List<T>();
                foreach (var word in text.Split(',', StringSplitOptions.TrimEntries))
                {
                    var match = choices.Where(c => c.Word.Equals(word, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (match.Count == 0)
                    {
                        r.AddError($"{name}: unknown value '{word}'; use a comma-separated list of " +
                        $"{string.Join(", ", choices.Select(c => c.Word))}."); return [];
                    }
                    result.Add(match[0].Value);
                }
                return [.. result];
            },
        };

    /// <summary>An input file that must exist and be a file (not a folder), checked at parse time.</summary>
    /// <param name="name">The option.</param>
    /// <param name="helpName">The placeholder, e.g. "FILE.csv".</param>
    /// <param name="description">One line for help.</param>
    /// <param name="required">Whether the option must be given.</param>
    public static Option<string?> InputFile(string name, string helpName, string description, bool required = false)
    {
        var option = Text(name, helpName, description, required);
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count != 1) return;
            if (InputFileProblem(r.Tokens[0].Value) is { } problem) r.AddError($"{name}: {problem}");
        });
        return option;
    }

    /// <summary>An input folder that must exist.</summary>
    /// <param name="name">The option.</param>
    /// <param name="helpName">The placeholder, e.g. "DIR".</param>
    /// <param name="description">One line for help.</param>
    public static Option<string?> InputDirectory(string name, string helpName, string description)
    {
        var option = Text(name, helpName, description);
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count != 1) return;
            var path = r.Tokens[0].Value;
            if (File.Exists(path)) r.AddError($"{name}: '{path}' is a file; give a folder.");
            else if (!Directory.Exists(path)) r.AddError($"{name}: folder '{path}' does not exist.");
        });
        return option;
    }

    /// <summary>
    /// An output file: checked at parse time to be writable, not a folder, and (when <paramref name="extensions"/> are
    /// given) to end in one of them. Write it through <see cref="OutputFiles"/> so nothing appears unless the run succeeds.
    /// </summary>
    /// <param name="name">The option.</param>
    /// <param name="helpName">The placeholder, e.g. "OUT.json".</param>
    /// <param name="description">One line for help.</param>
    /// <param name="allowStdout">Whether "-" means standard output.</param>
    /// <param name="extensions">Accepted extensions, e.g. ".png", ".svg"; none accepts any.</param>
    public static Option<string?> OutputFile(string name, string helpName, string description, bool allowStdout = false, params string[] extensions)
    {
        var option = Text(name, helpName, description);
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count != 1) return;
            var path = r.Tokens[0].Value;
            if (allowStdout && path == "-") return;
            if (extensions.Length > 0 && !extensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
                r.AddError($"{name}: '{path}' must end in {string.Join(" or ", extensions)}.");
            else if (OutputFiles.FileProblem(path) is { } problem) r.AddError($"{name}: {problem}");
        });
        return option;
    }

    /// <summary>An output folder, checked at parse time to be creatable and writable.</summary>
    /// <param name="name">The option.</param>
    /// <param name="helpName">The placeholder, e.g. "DIR".</param>
    /// <param name="description">One line for help.</param>
    /// <param name="defaultValue">The folder when the option is absent.</param>
    public static Option<string> OutputDirectory(string name, string helpName, string description, string defaultValue)
    {
        var option = new Option<string>(name)
        {
            Description = description, HelpName = helpName, DefaultValueFactory = _ => defaultValue,
            CustomParser = r => NonEmpty(r, name) ?? defaultValue,
        };
        option.Validators.Add(r =>
        {
            var path = r.GetValueOrDefault<string>();
            if (OutputFiles.DirectoryProblem(path) is { } problem) r.AddError($"{name}: {problem}");
        });
        return option;
    }

    /// <summary>Why <paramref name="path"/> cannot be read as an input file, or null when it can.</summary>
    /// <param name="path">The path.</param>
    public static string? InputFileProblem(string path) =>
        Directory.Exists(path) ? $"'{path}' is a folder, not a file."
        : !File.Exists(path) ? $"file '{path}' does not exist."
        : null;

    private static string? NonEmpty(ArgumentResult r, string name)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
        if (string.IsNullOrWhiteSpace(text)) { r.AddError($"{name} needs a non-empty value."); return null; }
        return text;
    }

    private static int ParseInt(ArgumentResult r, string name, int min, int max)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        { r.AddError($"{name} must be an integer, not '{text}'."); return 0; }
        if (v < min || v > max) r.AddError($"{name} must be {Range(min, max)}, not {v}.");
        return v;
    }

    private static string Range(int min, int max) =>
        (min, max) switch
        {
            (int.MinValue, int.MaxValue) => "integers",
            (_, int.MaxValue) => $"at least {min}",
            (int.MinValue, _) => $"at most {max}",
            _ => $"between {min} and {max}",
        };
}

/// <summary>An interval of accepted numbers, e.g. <c>Bounds.Open(0, 1)</c>.</summary>
/// <param name="Min">The lower end.</param>
/// <param name="Max">The upper end.</param>
/// <param name="MinInclusive">Whether the lower end is accepted.</param>
/// <param name="MaxInclusive">Whether the upper end is accepted.</param>
public sealed record Bounds(double Min, double Max, bool MinInclusive, bool MaxInclusive)
{
    /// <summary>(min, max).</summary>
    /// <param name="min">The lower end.</param>
    /// <param name="max">The upper end.</param>
    public static Bounds Open(double min, double max) => new(min, max, false, false);

    /// <summary>[min, max].</summary>
    /// <param name="min">The lower end.</param>
    /// <param name="max">The upper end.</param>
    public static Bounds Closed(double min, double max) => new(min, max, true, true);

    /// <summary>(0, infinity).</summary>
    public static Bounds Positive { get; } = new(0, double.PositiveInfinity, false, false);

    /// <summary>[0, infinity).</summary>
    public static Bounds NonNegative { get; } = new(0, double.PositiveInfinity, true, false);

    /// <summary>Whether <paramref name="v"/> lies in the interval.</summary>
    /// <param name="v">The value.</param>
    public bool Contains(double v) =>
        (MinInclusive ? v >= Min : v > Min) && (MaxInclusive ? v <= Max : v < Max);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(MinInclusive ? "[" : "(")}{Min.ToString(CultureInfo.InvariantCulture)}, " +
        $"{(double.IsPositiveInfinity(Max) ? "inf" : Max.ToString(CultureInfo.InvariantCulture))}{(MaxInclusive ? "]" : ")")}";
}

/// <summary>An option taking one word out of a fixed set (see <see cref="Opt.Choice{T}"/>).</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ChoiceOption<T> : Option<T>, IChoiceOption
{
    /// <summary>Declares the option.</summary>
    /// <param name="name">The option.</param>
    /// <param name="description">One line for help.</param>
    /// <param name="defaultValue">The value when absent.</param>
    /// <param name="choices">The accepted words and their values.</param>
    public ChoiceOption(string name, string description, T defaultValue, (string Word, T Value)[] choices) : base(name)
    {
        Choices = choices;
        Description = description;
        HelpName = string.Join("|", choices.Select(c => c.Word));
        DefaultValueFactory = _ => defaultValue;
        CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            foreach (var (word, value) in choices)
                if (word.Equals(text, StringComparison.OrdinalIgnoreCase)) return value;
            r.AddError($"{name} must be one of {string.Join(", ", choices.Select(c => c.Word))}, not '{text}'.");
            return defaultValue;
        };
    }

    /// <summary>The accepted words and their values.</summary>
    public IReadOnlyList<(string Word, T Value)> Choices { get; }

    /// <inheritdoc/>
    public string? DefaultWord => Choices.FirstOrDefault(c => Equals(c.Value, GetDefaultValue())).Word;

    /// <inheritdoc/>
    public IEnumerable<(string Word, string LibraryName)> LibraryNames
    {
        get
        {
            var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            if (!type.IsEnum) yield break;
            foreach (var (word, value) in Choices)
                if (value is not null) yield return (word, $"{type.Name}.{value}");
        }
    }
}

/// <summary>What help needs to know of a choice option without its type.</summary>
public interface IChoiceOption
{
    /// <summary>The word of the default value.</summary>
    string? DefaultWord { get; }

    /// <summary>Each word with the library's name of its value, e.g. ("unitols", "PanelModel.UnitOls").</summary>
    IEnumerable<(string Word, string LibraryName)> LibraryNames { get; }
}
