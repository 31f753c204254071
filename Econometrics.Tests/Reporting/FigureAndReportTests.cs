using Econometrics.Reporting;

namespace Econometrics.Tests.Reporting;

public class FigureAndReportTests
{
    private static ScottPlot.Plot Line()
    {
        var plot = Figures.Create("Line", "x", "y");
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 2, 4, 3 });
        return plot;
    }

    [Fact]
    public void Figures_save_png_and_svg_with_the_sans_font()
    {
        var dir = Directory.CreateTempSubdirectory("econ-fig").FullName;
        var png = Path.Combine(dir, "a.png");
        var svg = Path.Combine(dir, "sub", "a.svg");
        Line().SaveFigure(png, 400, 300);
        Line().SaveFigure(svg, 400, 300);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        var text = File.ReadAllText(svg);
        Assert.Contains("<svg", text);
        Assert.Contains("DejaVu Sans", text);
        Assert.DoesNotContain("DejaVu Serif", text);
        var e = Assert.Throws<ArgumentException>(() => Line().SaveFigure(Path.Combine(dir, "a.jpg")));
        Assert.Equal("path", e.ParamName);
    }

    [Fact]
    public void Report_writes_html_with_inline_svg_and_markdown_with_figure_files()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("econ-report").FullName, "out");
        var report = new Report("Test report").AddProvenance("Seed", "1");
        report.AddSection("Section A").AddParagraph("Some <text>.").AddSummary(new SummaryTable("S").AddHeader("k", 1.0))
            .AddFigure("line", "A line.", Line());
        report.WriteTo(dir);
        var html = File.ReadAllText(Path.Combine(dir, "index.html"));
        Assert.Contains("<img alt=\"A line.\" src=\"data:image/svg+xml;base64,", html);
        Assert.Contains("Some &lt;text&gt;.", html);
        Assert.DoesNotContain("<?xml", html);
        var md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("![A line.](figures/line.svg)", md);
        Assert.True(File.Exists(Path.Combine(dir, "figures", "line.svg")));
    }

    [Fact]
    public void Duplicate_figure_names_fail_before_anything_is_written()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("econ-report").FullName, "out");
        var report = new Report("R");
        report.AddSection("A").AddFigure("same", "1", Line()).AddFigure("same", "2", Line());
        Assert.Throws<InvalidOperationException>(() => report.WriteTo(dir));
        Assert.False(Directory.Exists(dir));
    }
}
