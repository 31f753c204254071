using System.Reflection;
using System.Runtime.Loader;
using Econometrics.Causal.Invariance;
using Econometrics.Interactive;
using Econometrics.Panel.Dependence;
using Econometrics.Panel.Estimators;

namespace Econometrics.Tests.Interactive;

public class KernelExtensionTests
{
    private static PanelData Grunfeld() => PanelData.Load(Path.Combine("data", "grunfeld.csv"), "firm", "year");

    [Fact]
    public void A_result_renders_as_its_own_html()
    {
        var fit = new PanelRegression("inv ~ value + capital", PanelModel.FixedEffects).Fit(Grunfeld());
        var cd = new CrossSectionalDependence().Test(fit);
        foreach (var result in new object[] { fit, cd, Grunfeld() })
        {
            var render = NotebookFormatters.HtmlRenderer(result.GetType());
            Assert.NotNull(render);
            var html = render(result);
            Assert.Equal((string)result.GetType().GetMethod("ToHtml", Type.EmptyTypes)!.Invoke(result, null)!, html);
            Assert.Contains("<table", html);
        }
    }

    [Fact]
    public void Types_without_an_html_rendering_get_no_formatter()
    {
        Assert.Null(NotebookFormatters.HtmlRenderer(typeof(PanelRegression)));
        Assert.Null(NotebookFormatters.HtmlRenderer(typeof(string)));
    }

    [Fact]
    public void A_figure_renders_as_an_inline_png()
    {
        var html = NotebookFormatters.PlotHtml(Grunfeld().PlotTrajectories("inv"));
        Assert.StartsWith("<img", html);
        const string prefix = "data:image/png;base64,";
        var start = html.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        var png = Convert.FromBase64String(html[start..html.IndexOf('"', start)]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public void FSharpCore_requests_bind_to_the_loaded_copy_of_the_same_major_version()
    {
        var loaded = AssemblyLoadContext.Default.LoadFromAssemblyName(new AssemblyName("FSharp.Core"));
        var major = loaded.GetName().Version!.Major;
        var newerMinor = new AssemblyName($"FSharp.Core, Version={major}.{loaded.GetName().Version!.Minor + 1}.0.0");
        Assert.Same(loaded, FSharpCoreBinding.Resolve(AssemblyLoadContext.Default, newerMinor));
        Assert.Null(FSharpCoreBinding.Resolve(AssemblyLoadContext.Default, new AssemblyName($"FSharp.Core, Version={major + 1}.0.0.0")));
        Assert.Null(FSharpCoreBinding.Resolve(AssemblyLoadContext.Default, new AssemblyName("Deedle, Version=99.0.0.0")));
    }

    [Fact]
    public void The_libraries_and_the_command_do_not_reference_the_notebook_host()
    {
        foreach (var assembly in new[] { typeof(PanelData).Assembly, typeof(Environments).Assembly, Assembly.Load("econ") })
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(),
                a => a.Name!.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal) || a.Name == "Econometrics.Interactive");
    }
}
