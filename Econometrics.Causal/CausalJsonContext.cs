using System.Text.Json.Serialization;
using Econometrics.Reporting;

namespace Econometrics.Causal;

/// <summary>The source-generated JSON contracts of the results defined in Econometrics.Causal.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    Converters = [typeof(MatrixJsonConverter), typeof(Array2DJsonConverter), typeof(VectorJsonConverter)])]
[JsonSerializable(typeof(Invariance.IcpResult))]
[JsonSerializable(typeof(Invariance.InvarianceReport))]
[JsonSerializable(typeof(Invariance.PacTransferResult))]
[JsonSerializable(typeof(Invariance.AnchorRegressionResult))]
[JsonSerializable(typeof(Sem.SemFit))]
[JsonSerializable(typeof(Sem.CovarianceResult))]
[JsonSerializable(typeof(Sem.RelationsResult))]
[JsonSerializable(typeof(Sem.IdentifiabilityResult))]
internal sealed partial class CausalJsonContext : JsonSerializerContext;
