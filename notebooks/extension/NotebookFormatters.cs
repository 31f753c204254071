using System.Collections.Concurrent;
using System.Reflection;
using Econometrics.Reporting;
using Microsoft.DotNet.Interactive.Formatting;
using ScottPlot;

namespace Econometrics.Interactive;

/// <summary>
/// Registers how toolkit objects display in a notebook: every type that renders itself as HTML (a public
/// <c>ToHtml()</c>, or a public <c>Summary()</c> whose value has one) shows that HTML, the same text as
/// <c>ToHtml()</c> and the report; <c>text/plain</c> stays <c>ToString()</c>; ScottPlot figures show as PNG images.
/// </summary>
/// <remarks>
/// Types are discovered by shape rather than listed, in every Econometrics assembly loaded now or later, so a new
/// result or data type renders without an edit here.
/// </remarks>
internal static class NotebookFormatters
{
    private static readonly ConcurrentDictionary<Type, bool> Registered = new();
    private static int _installed;

    /// <summary>Registers the formatters once per process and for each Econometrics assembly loaded later.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _installed, 1) != 0) return;
        Formatter.Register<Plot>((plot, writer) => writer.Write(PlotHtml(plot)), HtmlFormatter.MimeType);
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) => RegisterAssembly(e.LoadedAssembly);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()) RegisterAssembly(assembly);
    }

    /// <summary>An inline PNG of the figure at the toolkit's default size.</summary>
    internal static string PlotHtml(Plot plot) =>
        plot.GetPngHtml(Figures.DefaultWidth, Figures.DefaultHeight, "econometrics-figure", "max-width:100%");

    /// <summary>The renderer for <paramref name="type"/>'s HTML, or null when it has none.</summary>
    internal static Func<object, string>? HtmlRenderer(Type type)
    {
        if (PublicToHtml(type) is { } toHtml) return o => (string)toHtml.Invoke(o, null)!;
        var summary = type.GetMethod("Summary", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        if (summary is null || PublicToHtml(summary.ReturnType) is not { } summaryToHtml) return null;
        return o => summary.Invoke(o, null) is { } s ? (string)summaryToHtml.Invoke(s, null)! : o.ToString() ?? "";
    }

    private static MethodInfo? PublicToHtml(Type type) =>
        type.GetMethod("ToHtml", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is { } m
        && m.ReturnType == typeof(string) ? m : null;

    private static void RegisterAssembly(Assembly assembly)
    {
        if (assembly.IsDynamic || assembly.GetName().Name is not { } name || !name.StartsWith("Econometrics", StringComparison.Ordinal))
            return;
        foreach (var type in assembly.GetExportedTypes())
        {
            if (!type.IsClass || type.ContainsGenericParameters || !Registered.TryAdd(type, true)) continue;
            if (HtmlRenderer(type) is not { } render) continue;
            Formatter.Register(type, (o, writer) => writer.Write(render(o)), HtmlFormatter.MimeType);
            Formatter.Register(type, (o, writer) => writer.Write(o.ToString()), PlainTextFormatter.MimeType);
        }
    }
}
