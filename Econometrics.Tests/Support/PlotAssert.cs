using SkiaSharp;

namespace Econometrics.Tests.Support;

/// <summary>Checks that a plot has content and renders to a PNG of the requested size that is not blank.</summary>
public static class PlotAssert
{
    /// <summary>
    /// Renders <paramref name="plot"/> to PNG, decodes it, and asserts its size, that it has at least
    /// <paramref name="minPlottables"/> plottables, and that the image has more than a background and axis colours.
    /// </summary>
    public static void RendersContent(ScottPlot.Plot plot, int minPlottables = 1, int width = 640, int height = 480)
    {
        Assert.NotNull(plot);
        Assert.True(plot.GetPlottables().Count() >= minPlottables,
            $"The plot has {plot.GetPlottables().Count()} plottables; expected at least {minPlottables}.");
        var png = plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        var colours = new HashSet<SKColor>();
        int inked = 0, sampled = 0;
        var background = bitmap.GetPixel(1, 1);
        for (int y = 0; y < height; y += 3)
            for (int x = 0; x < width; x += 3)
            {
                var c = bitmap.GetPixel(x, y);
                colours.Add(c);
                sampled++;
                if (c != background) inked++;
            }
        Assert.True(colours.Count >= 4, $"The rendered plot has {colours.Count} colours: it is blank.");
        Assert.True(inked > sampled / 200, $"Only {inked} of {sampled} sampled pixels differ from the background.");
    }
}
