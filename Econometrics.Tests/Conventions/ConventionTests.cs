using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Econometrics.Tests.Conventions;

/// <summary>Architecture rules checked on the compiled assemblies (ScottPlot's convention-test idea).</summary>
public class ConventionTests
{
    private static readonly Assembly[] Libraries = [typeof(PanelData).Assembly, typeof(Econometrics.Cli.Cli).Assembly, LoadCausal()];

    private static Assembly LoadCausal() => Assembly.Load("Econometrics.Causal");

    [Fact]
    public void Libraries_hold_no_mutable_static_state()
    {
        var offenders = Libraries.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.Contains('<'))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsInitOnly && !f.IsLiteral && !f.IsDefined(typeof(CompilerGeneratedAttribute)) && !f.Name.Contains('<'))
                .Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();
        Assert.True(offenders.Count == 0, "Mutable static fields: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Public_namespaces_are_at_most_three_levels_deep()
    {
        var deep = Libraries.SelectMany(a => a.GetExportedTypes())
            .Select(t => t.Namespace ?? "").Where(n => n.Split('.').Length > 3).Distinct().ToList();
        Assert.True(deep.Count == 0, "Too deep: " + string.Join(", ", deep));
    }

    // Public docs cite papers and equations; internal research notes and issues are documents users do not have.
    private static readonly Regex NoteCitation = new(
        @"research note|\bthe note\b|\bnote's\b|\bnote section\b|\bsection [0-9][0-9.]*[a-z]? of the note|\bthe issue\b|\bissue's\b",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    [Fact]
    public void Xml_docs_cite_papers_not_research_notes_or_issues()
    {
        var offenders = new List<string>();
        foreach (var assembly in Libraries)
        {
            var xml = Path.ChangeExtension(assembly.Location, ".xml");
            Assert.True(File.Exists(xml), $"{xml} is missing: every library generates its XML documentation.");
            foreach (var member in XDocument.Load(xml).Descendants("member"))
            {
                var text = Regex.Replace(member.Value, @"\s+", " ");
                if (NoteCitation.Match(text) is { Success: true } m)
                    offenders.Add($"{member.Attribute("name")?.Value}: '...{m.Value}...'");
            }
        }
        Assert.True(offenders.Count == 0, "Docs citing notes or issues:\n" + string.Join("\n", offenders));
    }

    // The verbs of the API: estimators Fit or Estimate, tests Test, generators and Monte Carlo studies Simulate.
    private static readonly HashSet<string> Verbs = ["Fit", "Test", "Estimate", "Simulate"];

    private static bool IsResult(Type t) =>
        typeof(Result).IsAssignableFrom(t) || t.Name.EndsWith("Result", StringComparison.Ordinal);

    // Conversions and readers (ToPanel, FromJson, Load, Merge) are not estimators.
    private static bool IsConversion(string name) =>
        name.StartsWith("To", StringComparison.Ordinal) || name.StartsWith("From", StringComparison.Ordinal) || name is "Load" or "Merge";

    // Renames owned by another capability's ongoing restructuring; remove an entry once it lands renamed.
    private static readonly HashSet<string> PendingRenames = [];

    [Fact]
    public void Public_methods_that_return_results_use_the_verb_vocabulary()
    {
        var offenders = Libraries.SelectMany(a => a.GetExportedTypes())
            .Where(t => !IsResult(t) && t.Namespace != "Econometrics.Cli" && !t.Namespace!.StartsWith("Econometrics.Cli.", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && IsResult(m.ReturnType) && !Verbs.Contains(m.Name) && !IsConversion(m.Name))
                .Where(m => !PendingRenames.Contains($"{t.FullName}.{m.Name}"))
                .Select(m => $"{t.FullName}.{m.Name} -> {m.ReturnType.Name}"))
            .Distinct()
            .ToList();
        Assert.True(offenders.Count == 0, "Use Fit, Test, Estimate or Simulate:\n" + string.Join("\n", offenders));
    }
}
