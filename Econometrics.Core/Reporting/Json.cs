using System.Text;
using System.Text.Json;

namespace Econometrics.Reporting;

/// <summary>JSON helpers shared by every result: indented UTF-8, NaN and infinities written as null.</summary>
public static class Json
{
    /// <summary>Runs <paramref name="write"/> against a fresh indented writer and returns the text.</summary>
    /// <param name="write">Writes exactly one JSON value.</param>
    public static string Serialize(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = ResultJson.Encoder }))
            write(w);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes a number property, or null when it is not finite (JSON has no NaN).</summary>
    /// <param name="w">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(w); ArgumentNullException.ThrowIfNull(name);
        if (double.IsFinite(value)) w.WriteNumber(name, value);
        else w.WriteNull(name);
    }

    /// <summary>Writes a number array element, or null when it is not finite.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteNumberValue(Utf8JsonWriter w, double value)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (double.IsFinite(value)) w.WriteNumberValue(value);
        else w.WriteNullValue();
    }

    /// <summary>Writes a vector as a JSON array property.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="values">The values.</param>
    public static void WriteArray(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(w); ArgumentNullException.ThrowIfNull(name); ArgumentNullException.ThrowIfNull(values);
        w.WriteStartArray(name);
        foreach (var v in values) WriteNumberValue(w, v);
        w.WriteEndArray();
    }

    /// <summary>Writes a matrix as an array of row arrays.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="m">The matrix.</param>
    public static void WriteMatrix(Utf8JsonWriter w, string name, MathNet.Numerics.LinearAlgebra.Matrix<double> m)
    {
        ArgumentNullException.ThrowIfNull(w); ArgumentNullException.ThrowIfNull(name); ArgumentNullException.ThrowIfNull(m);
        w.WriteStartArray(name);
        for (int i = 0; i < m.RowCount; i++)
        {
            w.WriteStartArray();
            for (int j = 0; j < m.ColumnCount; j++) WriteNumberValue(w, m[i, j]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    /// <summary>Writes the diagnostics array property.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="diagnostics">The diagnostics.</param>
    public static void WriteDiagnostics(Utf8JsonWriter w, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(w); ArgumentNullException.ThrowIfNull(diagnostics);
        w.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("message", d.Message);
            if (d.Code is not null) w.WriteString("code", d.Code);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Writes a cell: numbers as numbers (null when not finite), text as strings.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="cell">The cell.</param>
    public static void WriteCell(Utf8JsonWriter w, Cell cell)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (cell.IsNumber) WriteNumberValue(w, cell.Number);
        else w.WriteStringValue(cell.TextValue);
    }

    /// <summary>camelCase form of a display name ("Std. Error" becomes "stdError", "BLAS threads" "blasThreads").</summary>
    /// <remarks>An all-capitals word is an acronym and is cased as one word ("LM adj." becomes "lmAdj"), so keys
    /// never read like "bLASThreads".</remarks>
    /// <param name="name">The display name.</param>
    public static string CamelCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = name.Split([' ', '.', '-', '_', '/', '(', ')', '[', ']', ','], StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            var clean = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (clean.Length == 0) continue;
            if (clean.Length > 1 && clean.All(c => !char.IsLetter(c) || char.IsUpper(c))) clean = clean[0] + clean[1..].ToLowerInvariant();
            sb.Append(sb.Length == 0 ? char.ToLowerInvariant(clean[0]) : char.ToUpperInvariant(clean[0]));
            sb.Append(clean, 1, clean.Length - 1);
        }
        return sb.Length == 0 ? "value" : sb.ToString();
    }
}
