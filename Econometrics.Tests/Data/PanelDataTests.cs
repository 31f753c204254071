using Econometrics.Data;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Tests.Data;

public class PanelDataTests
{
    private static string Grunfeld => Path.Combine(AppContext.BaseDirectory, "data", "grunfeld.csv");

    [Fact]
    public void Grunfeld_is_a_balanced_10_by_20_panel()
    {
        var p = PanelData.Load(Grunfeld, "firm", "year");
        Assert.Equal(10, p.N);
        Assert.Equal(20, p.T);
        Assert.True(p.IsBalanced);
        Assert.Equal(new[] { "inv", "value", "capital" }, p.Variables);
        Assert.Equal("1935", p.Times[0]);
        Assert.Equal(new[] { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10" }, p.Entities); // numeric order, not "1","10","2"
        var inv = p.Matrix("inv");
        Assert.Equal(20, inv.RowCount);
        Assert.Equal(317.6, inv[0, 0]);   // firm 1, 1935
        Assert.Equal(391.8, inv[1, 0]);   // firm 1, 1936
        Assert.Equal(200, p.NObs("inv"));
        Assert.Empty(p.Diagnostics);
    }

    [Fact]
    public void Unsorted_unbalanced_input_is_sorted_with_NaN_gaps()
    {
        var f = CsvFrame.ParseText("id,t,y\nb,2,5\na,2,2\na,1,1\nb,3,6\na,3,NA\n");
        var p = PanelData.FromFrame(f, "id", "t");
        Assert.False(p.IsBalanced);
        Assert.Equal(new[] { "a", "b" }, p.Entities);
        Assert.Equal(new[] { "1", "2", "3" }, p.Times);
        var y = p.Matrix("y");
        Assert.Equal(1, y[0, 0]);
        Assert.True(double.IsNaN(y[2, 0]));  // missing value
        Assert.True(double.IsNaN(y[0, 1]));  // absent row
        Assert.Equal(new double[] { 1, 1, 0, 0, 1, 1 }, p.Mask("y").ToColumnMajorArray());
        Assert.Contains(p.Diagnostics, d => d.Code == "missing-values");
        Assert.Contains(p.Diagnostics, d => d.Code == "unbalanced");
    }

    [Fact]
    public void Duplicate_keys_are_rejected_with_both_lines()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("panel").FullName, "dup.csv");
        File.WriteAllText(path, "firm,year,y\n1,2000,1\n1,2001,2\n1,2000,3\n");
        var e = Assert.Throws<DataFormatException>(() => PanelData.Load(path, "firm", "year"));
        Assert.Contains("Duplicate key: entity '1' at time '2000' appears in lines 2 and 4.", e.Message);
    }

    [Fact]
    public void A_missing_entity_column_lists_the_columns()
    {
        var e = Assert.Throws<DataFormatException>(() => PanelData.Load(Grunfeld, "company", "year"));
        Assert.Contains("The entity column 'company' is not in the data; columns are: firm, year, inv, value, capital.", e.Message);
        Assert.Equal("company", e.Column);
    }

    [Fact]
    public void Non_numeric_variables_are_rejected_by_name()
    {
        var f = CsvFrame.ParseText("id,t,y,label\na,1,1,x\na,2,2,y\n");
        var e = Assert.Throws<DataFormatException>(() => PanelData.FromFrame(f, "id", "t", "y", "label"));
        Assert.Contains("Variable 'label' is not numeric.", e.Message);
        var unknown = Assert.Throws<DataFormatException>(() => PanelData.FromFrame(f, "id", "t", "z"));
        Assert.Contains("Variable 'z' is not in the data", unknown.Message);
    }

    [Fact]
    public void From_matrix_round_trips_and_validates_labels()
    {
        var m = Matrix<double>.Build.Dense(3, 2, [1, 2, double.NaN, 4, 5, 6]);
        var p = PanelData.FromMatrix(m);
        Assert.Equal(m.ToColumnMajorArray(), p.Matrix("y").ToColumnMajorArray());
        Assert.False(p.IsBalanced);
        Assert.Throws<ArgumentException>(() => PanelData.FromMatrix(m, entities: ["a"]));
        Assert.Throws<ArgumentException>(() => PanelData.FromMatrix(m, entities: ["a", "a"]));
        var inf = m.Clone(); inf[0, 0] = double.PositiveInfinity;
        Assert.Throws<ArgumentException>(() => PanelData.FromMatrix(inf));
    }

    [Fact]
    public void Summary_reports_descriptives()
    {
        var p = PanelData.Load(Grunfeld, "firm", "year");
        var text = p.ToString();
        Assert.Contains("Entities (N): 10", text);
        Assert.Contains("Balanced:     yes", text);
        // R: mean(plm::Grunfeld$inv) = 145.95825, sd = 216.8753; the double nearest 145.95825 lies just below it.
        Assert.Contains("inv       200   145.9582   216.8753", text);
    }
}
