using System.Reflection;
using Econometrics.Reporting;

namespace Econometrics.Tests.Conventions;

/// <summary>The one results model: every result is a sealed record on <see cref="Result"/>; estimators use one verb vocabulary.</summary>
public class ResultConventionTests
{
    private static readonly Assembly[] Libraries = [typeof(PanelData).Assembly, Assembly.Load("Econometrics.Causal")];

    // Data containers render a summary of themselves but are not results.
    private static readonly string[] DataContainers = ["PanelData", "Composition", "GrowthData", "Environments"];

    private static IEnumerable<Type> Exported => Libraries.SelectMany(a => a.GetExportedTypes());

    [Fact]
    public void Every_type_with_a_summary_is_a_sealed_result_record_or_a_data_container()
    {
        var offenders = Exported
            .Where(t => t.GetMethod("Summary", Type.EmptyTypes)?.ReturnType == typeof(SummaryTable))
            .Where(t => !t.IsAbstract && !DataContainers.Contains(t.Name))
            .Where(t => !typeof(Result).IsAssignableFrom(t) || !t.IsSealed || t.GetMethod("<Clone>$") is null)
            .Select(t => t.FullName).ToList();
        Assert.True(offenders.Count == 0, "Not sealed records on Result: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_result_named_type_derives_from_the_base_and_carries_diagnostics()
    {
        var named = Exported.Where(t => t.Name.EndsWith("Result", StringComparison.Ordinal) && t.IsClass && !t.IsAbstract).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, t => Assert.True(typeof(Result).IsAssignableFrom(t), $"{t.FullName} does not derive from Result"));
        var results = Exported.Where(t => typeof(Result).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.True(results.Count >= 17, $"only {results.Count} results");
        Assert.All(results, t => Assert.Equal(typeof(IReadOnlyList<Diagnostic>), t.GetProperty("Diagnostics")?.PropertyType));
    }

    [Fact]
    public void Data_containers_are_not_results()
    {
        var containers = Exported.Where(t => DataContainers.Contains(t.Name)).ToList();
        Assert.NotEmpty(containers);
        Assert.All(containers, t => Assert.False(typeof(Result).IsAssignableFrom(t), t.Name));
    }
}
