using System.Globalization;
using Econometrics.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>
/// A linear representation Phi (r x p) of the p predictors: the model on top of it is <c>Y ~ b + w' Phi X</c>.
/// A subset of predictors is the special case of selection rows.
/// </summary>
public sealed class Representation
{
    private Representation(string name, Matrix<double> phi, string[] features, string[] predictors, int[]? subset)
    {
        Name = name; Phi = phi; Features = features; Predictors = predictors; SubsetIndices = subset;
    }

    /// <summary>A label, e.g. "S12" or the file it came from.</summary>
    public string Name { get; }

    /// <summary>The r x p matrix Phi.</summary>
    public Matrix<double> Phi { get; }

    /// <summary>Names of the r features (the predictor names for a subset).</summary>
    public IReadOnlyList<string> Features { get; }

    /// <summary>The p predictor names Phi acts on.</summary>
    public IReadOnlyList<string> Predictors { get; }

    /// <summary>The selected predictor indices when this is a subset, otherwise null.</summary>
    public IReadOnlyList<int>? SubsetIndices { get; }

    /// <summary>Number of features r.</summary>
    public int R => Phi.RowCount;

    /// <summary>The subset of <paramref name="environments"/>' predictors named in <paramref name="selected"/>.</summary>
    /// <param name="environments">The data whose predictors are selected from.</param>
    /// <param name="selected">Predictor names, at least one.</param>
    /// <param name="name">A label (default: the names joined by commas).</param>
    public static Representation Subset(Environments environments, IReadOnlyList<string> selected, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(environments);
        return Subset(environments.Predictors, selected, name);
    }

    /// <summary>The subset of <paramref name="predictors"/> named in <paramref name="selected"/>.</summary>
    /// <param name="predictors">All predictor names.</param>
    /// <param name="selected">Predictor names, at least one.</param>
    /// <param name="name">A label (default: the names joined by commas).</param>
    public static Representation Subset(IReadOnlyList<string> predictors, IReadOnlyList<string> selected, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(predictors); ArgumentNullException.ThrowIfNull(selected);
        if (selected.Count == 0) throw new ArgumentException("A subset needs at least one predictor.", nameof(selected));
        var idx = selected.Select(s =>
        {
            int j = predictors.ToList().IndexOf(s);
            return j >= 0 ? j : throw new ArgumentException($"'{s}' is not a predictor; predictors are: {string.Join(", ", predictors)}.", nameof(selected));
        }).ToArray();
        if (idx.Distinct().Count() != idx.Length) throw new ArgumentException("A predictor is selected twice.", nameof(selected));
        var phi = Matrix<double>.Build.Dense(idx.Length, predictors.Count, (r, j) => idx[r] == j ? 1.0 : 0.0);
        return new Representation(name ?? "{" + string.Join(",", selected) + "}", phi, selected.ToArray(), predictors.ToArray(), idx);
    }

    /// <summary>A general linear representation.</summary>
    /// <param name="phi">The r x p matrix, full row rank.</param>
    /// <param name="predictors">The p predictor names (columns of Phi).</param>
    /// <param name="features">Feature names (default phi1..phir).</param>
    /// <param name="name">A label.</param>
    public static Representation FromMatrix(Matrix<double> phi, IReadOnlyList<string> predictors, IReadOnlyList<string>? features = null,
        string name = "Phi")
    {
        ArgumentNullException.ThrowIfNull(phi); ArgumentNullException.ThrowIfNull(predictors);
        if (phi.ColumnCount != predictors.Count)
            throw new ArgumentException($"Phi has {phi.ColumnCount} columns; there are {predictors.Count} predictors.", nameof(phi));
        if (phi.RowCount == 0) throw new ArgumentException("Phi needs at least one row.", nameof(phi));
        if (phi.Enumerate().Any(v => !double.IsFinite(v))) throw new ArgumentException("Phi has a non-finite entry.", nameof(phi));
        if (phi.Rank() < phi.RowCount) throw new ArgumentException($"Phi ({phi.RowCount} x {phi.ColumnCount}) must have full row rank.", nameof(phi));
        var f = features?.ToArray() ?? Enumerable.Range(1, phi.RowCount).Select(i => "phi" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        if (f.Length != phi.RowCount) throw new ArgumentException($"{f.Length} feature names for {phi.RowCount} rows.", nameof(features));
        return new Representation(name, phi.Clone(), f, predictors.ToArray(), null);
    }

    /// <summary>
    /// Reads Phi from a CSV file whose header names predictors (a subset of <paramref name="predictors"/>, missing
    /// ones get weight 0); each row is one feature. An optional first text column named "feature" names the rows.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="predictors">All predictor names.</param>
    public static Representation Load(string path, IReadOnlyList<string> predictors)
    {
        ArgumentNullException.ThrowIfNull(predictors);
        var data = DataColumns.Load(path, new CsvOptions { TextColumns = new HashSet<string> { "feature" } });
        foreach (var c in data.Names)
            if (c != "feature" && !predictors.Contains(c))
                throw new DataFormatException($"Column '{c}' is not a predictor; predictors are: {string.Join(", ", predictors)}.", path, 1, c);
        int r = data.RowCount;
        if (r == 0) throw new DataFormatException("The representation file has no rows.", path);
        var phi = Matrix<double>.Build.Dense(r, predictors.Count);
        foreach (var c in data.Names.Where(c => c != "feature"))
        {
            var col = data.Numbers(c, "representation weights must be numbers");
            int j = predictors.ToList().IndexOf(c);
            for (int i = 0; i < r; i++)
            {
                if (double.IsNaN(col[i])) throw new DataFormatException("Missing weight.", path, data.Line(i), c);
                phi[i, j] = col[i];
            }
        }
        string[]? names = data.Contains("feature") ? data.Labels("feature").Select(l => l ?? "?").ToArray() : null;
        return FromMatrix(phi, predictors, names, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>The features <c>X Phi'</c> (N x r).</summary>
    /// <param name="x">The N x p predictors.</param>
    public Matrix<double> Apply(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.TransposeAndMultiply(Phi);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({R} feature(s))";
}
