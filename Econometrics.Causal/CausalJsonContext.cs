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
[JsonSerializable(typeof(Invariance.HiddenIcpResult))]
[JsonSerializable(typeof(Invariance.InvarianceReport))]
[JsonSerializable(typeof(Invariance.PacTransferResult))]
[JsonSerializable(typeof(Invariance.AnchorRegressionResult))]
[JsonSerializable(typeof(Econometrics.Sem.Fitting.SemFit))]
[JsonSerializable(typeof(Econometrics.Sem.Fitting.SemInvariance))]
[JsonSerializable(typeof(Econometrics.Sem.Covariance.CovarianceResult))]
[JsonSerializable(typeof(Econometrics.Sem.Relations.RelationsResult))]
[JsonSerializable(typeof(Econometrics.Sem.Identification.IdentifiabilityResult))]
internal sealed partial class CausalJsonContext : JsonSerializerContext;
