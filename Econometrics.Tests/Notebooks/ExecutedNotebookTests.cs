using System.Text.Json;

namespace Econometrics.Tests.Notebooks;

/// <summary>
/// Reads the notebooks that <c>notebooks/run</c> executed (NAME.ipynb beside the source it ran, NAME.source.ipynb)
/// and checks what a reader sees: no error, every cell tagged <c>table</c> displayed an HTML table, every cell
/// tagged <c>figure</c> an inline PNG, and no object fell back to the host's property-tree view.
/// </summary>
public class ExecutedNotebookTests
{
    private static IEnumerable<(string Name, JsonElement[] Source, JsonElement[] Executed)> Notebooks()
    {
        var dir = Environment.GetEnvironmentVariable(ExecutedNotebooksFactAttribute.Variable)!;
        foreach (var source in Directory.GetFiles(dir, "*.source.ipynb").Order())
        {
            var name = Path.GetFileName(source)[..^".source.ipynb".Length];
            var executed = Path.Combine(dir, name + ".ipynb");
            Assert.True(File.Exists(executed), $"{name}: the executed notebook is missing.");
            yield return (name, Cells(source), Cells(executed));
        }
    }

    private static JsonElement[] Cells(string path) =>
        JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("cells").EnumerateArray().ToArray();

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.Array
        ? string.Concat(e.EnumerateArray().Select(x => x.GetString())) : e.GetString() ?? "";

    private static IEnumerable<JsonElement> Outputs(JsonElement cell) =>
        cell.TryGetProperty("outputs", out var o) ? o.EnumerateArray() : [];

    private static IEnumerable<string> Data(JsonElement cell, string mime) =>
        Outputs(cell).Where(o => o.TryGetProperty("data", out var d) && d.TryGetProperty(mime, out _))
            .Select(o => Text(o.GetProperty("data").GetProperty(mime)));

    private static string[] Tags(JsonElement cell) =>
        cell.TryGetProperty("metadata", out var m) && m.TryGetProperty("tags", out var t)
            ? t.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];

    [ExecutedNotebooksFact]
    public void Every_notebook_ran_every_cell_without_an_error()
    {
        foreach (var (name, source, executed) in Notebooks())
        {
            Assert.True(source.Length == executed.Length, $"{name}: {source.Length} cells in the source, {executed.Length} executed.");
            for (int i = 0; i < source.Length; i++)
            {
                Assert.Equal(Text(source[i].GetProperty("source")).Trim(), Text(executed[i].GetProperty("source")).Trim());
                var errors = Outputs(executed[i]).Where(o => o.GetProperty("output_type").GetString() == "error")
                    .Select(o => o.GetProperty("evalue").GetString()).ToArray();
                Assert.True(errors.Length == 0, $"{name}, cell {i + 1}: {string.Join("; ", errors)}");
            }
        }
    }

    [ExecutedNotebooksFact]
    public void Results_display_as_html_tables_and_figures_as_images()
    {
        int tables = 0, figures = 0;
        foreach (var (name, source, executed) in Notebooks())
        {
            for (int i = 0; i < source.Length && i < executed.Length; i++)
            {
                var html = Data(executed[i], "text/html").ToArray();
                var tags = Tags(source[i]);
                if (tags.Contains("table"))
                {
                    Assert.True(html.Any(h => h.Contains("<table", StringComparison.Ordinal)), $"{name}, cell {i + 1}: no HTML table.");
                    tables++;
                }
                if (tags.Contains("figure"))
                {
                    Assert.True(html.Any(h => h.Contains("src=\"data:image/png;base64,", StringComparison.Ordinal))
                                || Data(executed[i], "image/png").Any(), $"{name}, cell {i + 1}: no image.");
                    figures++;
                }
                Assert.False(html.Any(h => h.Contains("dni-treeview", StringComparison.Ordinal)),
                    $"{name}, cell {i + 1}: an object displayed as a property tree instead of its own rendering.");
            }
        }
        Assert.True(tables > 0 && figures > 0, $"{tables} table cells and {figures} figure cells were checked.");
    }
}
