using System.Text.Json;
using System.Text.Json.Serialization;
using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Reporting;

/// <summary>Writes a matrix as an array of row arrays (non-finite entries as named literals, which become null).</summary>
internal sealed class MatrixJsonConverter : JsonConverter<Matrix<double>>
{
    /// <inheritdoc/>
    public override Matrix<double> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Matrix<double>.Build.DenseOfRowArrays(JsonSerializer.Deserialize<double[][]>(ref reader, ReadOptions)
            ?? throw new JsonException("A matrix must be an array of row arrays."));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Matrix<double> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        for (int i = 0; i < value.RowCount; i++)
        {
            writer.WriteStartArray();
            for (int j = 0; j < value.ColumnCount; j++) WriteDouble(writer, value[i, j]);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    internal static readonly JsonSerializerOptions ReadOptions = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    internal static void WriteDouble(Utf8JsonWriter writer, double v)
    {
        if (double.IsFinite(v)) writer.WriteNumberValue(v);
        else writer.WriteStringValue(double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }
}

/// <summary>Writes a rectangular array as an array of row arrays.</summary>
internal sealed class Array2DJsonConverter : JsonConverter<double[,]>
{
    /// <inheritdoc/>
    public override double[,] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var rows = JsonSerializer.Deserialize<double[][]>(ref reader, MatrixJsonConverter.ReadOptions) ?? [];
        var a = new double[rows.Length, rows.Length == 0 ? 0 : rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[i].Length; j++) a[i, j] = rows[i][j];
        return a;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, double[,] value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        for (int i = 0; i < value.GetLength(0); i++)
        {
            writer.WriteStartArray();
            for (int j = 0; j < value.GetLength(1); j++) MatrixJsonConverter.WriteDouble(writer, value[i, j]);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }
}

/// <summary>Writes a vector as an array of numbers.</summary>
internal sealed class VectorJsonConverter : JsonConverter<Vector<double>>
{
    /// <inheritdoc/>
    public override Vector<double> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Vector<double>.Build.DenseOfArray(JsonSerializer.Deserialize<double[]>(ref reader, MatrixJsonConverter.ReadOptions) ?? []);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Vector<double> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var v in value) MatrixJsonConverter.WriteDouble(writer, v);
        writer.WriteEndArray();
    }
}

/// <summary>Writes a reference distribution in its short notation, e.g. <c>"chi2(3)"</c>.</summary>
internal sealed class ReferenceDistributionJsonConverter : JsonConverter<ReferenceDistribution>
{
    /// <inheritdoc/>
    public override ReferenceDistribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Reference distributions are written, not read.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ReferenceDistribution value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>Writes every enum as its camelCase name ("bilinearSpline", "valid", "form").</summary>
internal sealed class CamelCaseEnumConverter : JsonStringEnumConverter
{
    public CamelCaseEnumConverter() : base(JsonNamingPolicy.CamelCase) { }
}
