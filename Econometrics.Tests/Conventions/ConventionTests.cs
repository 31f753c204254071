using System.Reflection;
using System.Runtime.CompilerServices;

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
}
