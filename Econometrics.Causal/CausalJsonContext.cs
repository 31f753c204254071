using System.Text.Json.Serialization;
using Econometrics.Reporting;

namespace Econometrics.Causal;

/// <summary>The source-generated JSON contracts of the results defined in Econometrics.Causal.</summary>
// Enums are written in camelCase through one non-generic converter; native AOT is not a target (SYSLIB1034 is off).
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(MatrixJsonConverter), typeof(Array2DJsonConverter), typeof(VectorJsonConverter), typeof(CamelCaseEnumConverter)])]
[JsonSerializable(typeof(Invariance.IcpResult))]
[JsonSerializable(typeof(Invariance.InvarianceReport))]
[JsonSerializable(typeof(Invariance.PacTransferResult))]
[JsonSerializable(typeof(Invariance.AnchorRegressionResult))]
[JsonSerializable(typeof(Sem.SemFit))]
[JsonSerializable(typeof(Sem.CovarianceResult))]
[JsonSerializable(typeof(Sem.RelationsResult))]
[JsonSerializable(typeof(Sem.IdentifiabilityResult))]
internal sealed partial class CausalJsonContext : JsonSerializerContext;
