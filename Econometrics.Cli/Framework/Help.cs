using System.CommandLine;
using System.Globalization;
using System.Text;

namespace Econometrics.Cli;

/// <summary>
/// Help text rendered from the command and option declarations themselves (so help and parsing cannot disagree):
/// usage, options with their placeholders and defaults, subcommands, one example; within 100 columns; ends with a newline.
/// </summary>
public static class Help
{
    private const int Width = 100;

    /// <summary>The help of <paramref name="command"/>.</summary>
    /// <param name="root">The root command (for the program name).</param>
    /// <param name="command">The command whose help is wanted.</param>
    public static string Render(RootCommand root, Command command)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(command);
        var sb = new StringBuilder();
        var path = ErrorContract.CommandPath(command);
        var name = path.Length == 0 ? "econ" : "econ " + path;
        sb.Append(Wrap($"{name}: {command.Description}", 0)).Append('\n');

        sb.Append("\nUsage:\n");
        if (command is EconCommand || command.Subcommands.Count == 0) sb.Append(Wrap(UsageLine(name, command), 2)).Append('\n');
        if (command is RootCommand) sb.Append("  econ COMMAND [options]\n");
        else foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
            sb.Append(Wrap(UsageLine($"{name} {sub.Name}", sub), 2)).Append('\n');

        if (command.Subcommands.Count > 0)
        {
            sb.Append("\nCommands:\n");
            Rows(sb, command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, c.Description ?? "")));
        }
        // Required options first, then the rest in declaration order; help and version last.
        var options = command.Options.Where(o => !o.Hidden).OrderBy(o => o.Required ? 0 : o is System.CommandLine.Help.HelpOption or VersionOption ? 2 :
            1).ToList();
        if (options.Count > 0)
        {
            sb.Append("\nOptions:\n");
            Rows(sb, options.Select(o => (Label(o), Describe(o))));
        }
        if (command is EconCommand econ) sb.Append("\nExample:\n").Append(ShellLines(econ.Example)).Append('\n');
        else if (command.Subcommands.Count > 0) sb.Append($"\nRun '{name} COMMAND --help' for a command's options and an example.\n");
        return sb.ToString();
    }

    // A long example is broken before an option with shell line continuations, so it can be pasted as it is.
    private static string ShellLines(string example)
    {
        var lines = new List<string>();
        var line = new StringBuilder("  ");
        foreach (var part in example.Split(" --"))
        {
            var piece = line.Length == 2 ? part : " --" + part;
            if (line.Length > 6 && line.Length + piece.Length > Width - 2) { lines.Add(line + " \\"); line.Clear().Append("     "); piece = piece.TrimStart(); }
            line.Append(piece);
        }
        lines.Add(line.ToString());
        return string.Join('\n', lines);
    }

    private static string UsageLine(string name, Command command)
    {
        var words = new List<string> { name };
        if (command.Subcommands.Count > 0 && command is not EconCommand) words.Add("COMMAND");
        words.AddRange(command.Arguments.Select(a => a.Arity.MaximumNumberOfValues > 1 ? $"{a.Name} ..." : a.Name));
        words.AddRange(command.Options.Where(o => o.Required).Select(o => $"{o.Name} {o.HelpName}"));
        if (command.Options.Any(o => !o.Required && !o.Hidden)) words.Add("[options]");
        return string.Join(' ', words);
    }

    private static string Label(Option o)
    {
        var names = o.Aliases.Where(a => a != o.Name && !a.StartsWith('/')).OrderBy(a => a.Length).Append(o.Name);
        var label = string.Join(", ", names);
        return o.Arity.MaximumNumberOfValues == 0 || string.IsNullOrEmpty(o.HelpName) ? label : $"{label} {o.HelpName}";
    }

    private static string Describe(Option o)
    {
        var text = o is System.CommandLine.Help.HelpOption ? "show this help" : o is VersionOption ? "show the version" : o.Description ?? "";
        if (o.Required) return text + " (required)";
        if (o.Arity.MaximumNumberOfValues == 0 || !o.HasDefaultValue) return text;
        var shown = o is IChoiceOption choice ? choice.DefaultWord : Show(o.GetDefaultValue());
        return string.IsNullOrEmpty(shown) || text.Contains("(default", StringComparison.Ordinal) ? text : $"{text} (default {shown})";
    }

    private static string? Show(object? value) => value switch
    {
        null => null,
        string s => s,
        System.Collections.IEnumerable list => string.Join(",", list.Cast<object>().Select(x => Convert.ToString(x, CultureInfo.InvariantCulture))),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    // Two columns; the second wraps under itself, and a long first column puts the description on the next line.
    private static void Rows(StringBuilder sb, IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        int left = Math.Min(28, list.Max(r => r.Left.Length)) + 4;
        foreach (var (l, r) in list)
        {
            var first = "  " + l;
            if (first.Length + 2 > left) { sb.Append(first).Append('\n'); first = ""; }
            var lines = Reporting.TextWrap.Lines(r, Width - left);
            sb.Append(first.PadRight(left)).Append(lines[0]).Append('\n');
            foreach (var more in lines.Skip(1)) sb.Append(new string(' ', left)).Append(more).Append('\n');
        }
    }

    private static string Wrap(string text, int indent) =>
        string.Join('\n', Reporting.TextWrap.Lines(text, Width - indent).Select(l => new string(' ', indent) + l));
}
