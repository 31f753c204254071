using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Econometrics.Reporting;

/// <summary>
/// Serializes results through their source-generated contracts and applies the JSON conventions every command shares:
/// indented UTF-8, readable escaping (an apostrophe stays an apostrophe), and non-finite numbers written as <c>null</c>
/// with a diagnostic that names each such field.
/// </summary>
public static class ResultJson
{
    /// <summary>The code of the diagnostic that lists the fields written as null because they were not finite.</summary>
    public const string NonFiniteCode = "non-finite-as-null";

    /// <summary>The escaping of every JSON document: for files and pipes, not HTML script blocks, so ' &lt; &gt; &amp;
    /// and non-ASCII letters stay as themselves (no <c>\u0027</c>).</summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, Encoder = Encoder };

    /// <summary>
    /// Serializes <paramref name="value"/> with its contract; non-finite numbers become null and a diagnostic in the
    /// object's <c>diagnostics</c> names them.
    /// </summary>
    /// <param name="value">The value (usually a <see cref="Result"/>).</param>
    /// <param name="contract">Its source-generated type information; the contract writes non-finite doubles as named literals.</param>
    public static JsonObject ToNode(object value, JsonTypeInfo contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var node = JsonSerializer.SerializeToNode(value, contract) as JsonObject
            ?? throw new ArgumentException("The value does not serialize to a JSON object.", nameof(value));
        var paths = new List<string>();
        Clean(node, "", paths);
        if (paths.Count > 0)
        {
            var message = string.Create(CultureInfo.InvariantCulture,
                $"{paths.Count} value(s) were not finite numbers and are written as null: {string.Join(", ", paths.Take(12))}{(paths.Count > 12 ? ", ..." : "")}.");
            var diagnostic = new JsonObject { ["severity"] = "info", ["message"] = message, ["code"] = NonFiniteCode };
            if (node["diagnostics"] is JsonArray list) list.Add(diagnostic);
            else node["diagnostics"] = new JsonArray(diagnostic);
        }
        return node;
    }

    /// <summary>Writes a JSON document: indented, with readable escaping.</summary>
    /// <param name="node">The document.</param>
    public static string Write(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(WriteOptions);
    }

    private static JsonNode? Clean(JsonNode? node, string path, List<string> paths)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                    obj[key] = Clean(Detach(obj, key), path.Length == 0 ? key : path + "." + key, paths);
                return obj;
            case JsonArray arr:
                for (int i = 0; i < arr.Count; i++)
                {
                    var item = arr[i];
                    arr[i] = null;
                    arr[i] = Clean(item, $"{path}[{i}]", paths);
                }
                return arr;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is "NaN" or "Infinity" or "-Infinity":
                paths.Add(path);
                return null;
            default:
                return node;
        }
    }

    private static JsonNode? Detach(JsonObject obj, string key)
    {
        var child = obj[key];
        obj[key] = null;
        return child;
    }
}
