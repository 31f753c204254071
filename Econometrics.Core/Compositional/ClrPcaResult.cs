using System.Globalization;
using Econometrics.Reporting;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace Econometrics.Compositional;

/// <summary>Principal components of the centred clr coordinates and the biplot coordinates of one scaling.</summary>
public sealed record ClrPcaResult : Result
{
    internal ClrPcaResult(IReadOnlyList<string> parts, int nObs, BiplotScaling scaling, Vector<double> stdDev, Vector<double> proportion,
        Matrix<double> loadings, Matrix<double> scores, IReadOnlyList<Diagnostic> diagnostics)
    {
        Parts = parts; NObs = nObs; Scaling = scaling; StdDev = stdDev; ProportionOfVariance = proportion;
        Loadings = loadings; Scores = scores; Diagnostics = diagnostics;
    }

    /// <summary>Part names, in the row order of <see cref="Loadings"/>.</summary>
    public IReadOnlyList<string> Parts { get; }

    /// <summary>Number of samples.</summary>
    public int NObs { get; }

    /// <summary>The biplot scaling of <see cref="RowCoordinates"/> and <see cref="ColumnCoordinates"/>.</summary>
    public BiplotScaling Scaling { get; }

    /// <summary>Standard deviation of each component, <c>s_k / sqrt(n - 1)</c> (prcomp's <c>sdev</c>).</summary>
    public Vector<double> StdDev { get; }

    /// <summary>Share of the total clr variance carried by each component.</summary>
    public Vector<double> ProportionOfVariance { get; }

    /// <summary>Loadings V, D x k, orthonormal clr vectors (prcomp's <c>rotation</c>).</summary>
    public Matrix<double> Loadings { get; }

    /// <summary>Scores <c>U S</c>, n x k (prcomp's <c>x</c>).</summary>
    public Matrix<double> Scores { get; }


    /// <summary>Per component: standard deviation, share of variance and cumulative share.</summary>
    public IReadOnlyList<PrincipalComponent> Components
    {
        get
        {
            double cum = 0;
            return Enumerable.Range(0, NComponents).Select(c => new PrincipalComponent(c + 1, StdDev[c], ProportionOfVariance[c],
                cum += ProportionOfVariance[c])).ToArray();
        }
    }

    /// <summary>Number of components k (non-zero singular values).</summary>
    public int NComponents => StdDev.Count;

    /// <summary>Biplot coordinates of the samples, n x k: the scores (form) or <c>sqrt(n - 1) U</c> (covariance).</summary>
    public Matrix<double> RowCoordinates => Scaling == BiplotScaling.Form
        ? Scores.Clone()
        : Matrix<double>.Build.Dense(Scores.RowCount, NComponents, (i, c) => Scores[i, c] / StdDev[c]);

    /// <summary>Biplot coordinates of the parts, D x k: the loadings (form) or <c>V S / sqrt(n - 1)</c> (covariance).</summary>
    public Matrix<double> ColumnCoordinates => Scaling == BiplotScaling.Form
        ? Loadings.Clone()
        : Matrix<double>.Build.Dense(Loadings.RowCount, NComponents, (j, c) => Loadings[j, c] * StdDev[c]);

    /// <inheritdoc/>
    protected override System.Text.Json.Serialization.Metadata.JsonTypeInfo JsonContract => CoreJsonContext.Default.ClrPcaResult;

    /// <summary>Settings, the variance of each component and the part coordinates on the first two axes.</summary>
    public override SummaryTable Summary()
    {
        var s = new SummaryTable("clr principal components and biplot")
            .AddHeader("Samples", NObs)
            .AddHeader("Parts", Parts.Count)
            .AddHeader("Biplot", Scaling == BiplotScaling.Form ? "form (rows U S, columns V)" : "covariance (rows sqrt(n-1) U, columns V S / sqrt(n-1))")
            .AddHeader("Variance on axes 1-2", Percent(ProportionOfVariance[0] + ProportionOfVariance[1]));
        var comps = new Table(NComponents > 10 ? $"First 10 of {NComponents} components" : "Components", "Component", "Std. dev.", "Proportion", "Cumulative");
        double cum = 0;
        for (int c = 0; c < NComponents; c++)
        {
            cum += ProportionOfVariance[c];
            if (c < 10) comps.AddRow($"PC{c + 1}", Cell.Num(StdDev[c], "G6"), Cell.Num(ProportionOfVariance[c], "F4"), Cell.Num(cum, "F4"));
        }
        s.AddTable(comps);
        var cols = ColumnCoordinates;
        var parts = new Table("Part coordinates (" + (Scaling == BiplotScaling.Form ? "loadings" : "covariance scaling") + ")", "Part", "Axis 1", "Axis 2");
        for (int j = 0; j < Parts.Count; j++) parts.AddRow(Parts[j], Cell.Num(cols[j, 0], "F4"), Cell.Num(cols[j, 1], "F4"));
        s.AddTable(parts);
        foreach (var d in Diagnostics) s.AddNote(d.ToString());
        return s;
    }

    /// <summary>
    /// The biplot on components 1 and 2: samples as points, parts as arrows from the origin. The arrows are drawn
    /// multiplied by one factor (given in the title) so that they span the sample cloud; the JSON keeps them unscaled.
    /// </summary>
    public Plot PlotBiplot() => BiplotFigure.Draw(RowCoordinates, ColumnCoordinates, Parts, ProportionOfVariance,
        Scaling == BiplotScaling.Form ? "Form biplot of clr coordinates" : "Covariance biplot of clr coordinates");

    internal static string Percent(double v) => (100 * v).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
