using System.Reflection;
using System.Runtime.InteropServices;
using Econometrics.LinearAlgebra;

namespace Econometrics;

/// <summary>Facts about the running toolkit: version, linear-algebra backend, threads, library versions.</summary>
/// <remarks>Print <see cref="Describe"/> in the first cell of a notebook or the header of a report for reproducibility.</remarks>
public static class Toolkit
{
    /// <summary>The toolkit's version.</summary>
    public static string Version => typeof(Toolkit).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Name/value facts: toolkit and runtime versions, backend, threads, library versions.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Facts()
    {
        var backend = LinearAlgebraBackends.Default;
        var facts = new List<KeyValuePair<string, string>>
        {
            new("Econometrics", Version),
            new(".NET", RuntimeInformation.FrameworkDescription),
            new("OS", $"{RuntimeInformation.OSDescription} ({RuntimeInformation.ProcessArchitecture})"),
            new("Linear algebra backend", backend.Name),
            new("BLAS threads", backend.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Processors", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (backend is not OpenBlasLinearAlgebra && LinearAlgebraBackends.OpenBlasUnavailableReason is { } why)
            facts.Add(new("OpenBLAS", why));
        foreach (var (name, type) in new[] { ("Math.NET Numerics", typeof(MathNet.Numerics.Control)), ("Deedle", typeof(Deedle.Frame)), ("ScottPlot",
            typeof(ScottPlot.Plot)) })
            facts.Add(new(name, InformationalVersion(type.Assembly)));
        return facts;
    }

    /// <summary>A multi-line description, one "name: value" per line.</summary>
    public static string Describe() => string.Join(Environment.NewLine, Facts().Select(f => $"{f.Key}: {f.Value}"));

    private static string InformationalVersion(Assembly a) =>
        (a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? a.GetName().Version?.ToString() ?? "?").Split('+')[0];
}
