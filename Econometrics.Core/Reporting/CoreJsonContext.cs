using System.Text.Json;
using System.Text.Json.Serialization;

namespace Econometrics.Reporting;

/// <summary>The source-generated JSON contracts of the results defined in Econometrics.Core.</summary>
// Enums are written in camelCase through one non-generic converter; native AOT is not a target (SYSLIB1034 is off).
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(MatrixJsonConverter), typeof(Array2DJsonConverter), typeof(VectorJsonConverter), typeof(CamelCaseEnumConverter)])]
[JsonSerializable(typeof(TestResult))]
[JsonSerializable(typeof(Panel.Dependence.CrossSectionalDependenceResult))]
[JsonSerializable(typeof(Panel.Dependence.CrossSectionalExponentResult))]
[JsonSerializable(typeof(Panel.Factors.FactorNumberResult))]
[JsonSerializable(typeof(Panel.Estimators.PanelRegressionResult))]
[JsonSerializable(typeof(Panel.Simulation.CdMonteCarloResult))]
[JsonSerializable(typeof(Mixtures.GrowthMixtureResult))]
[JsonSerializable(typeof(Mixtures.ClassEnumerationResult))]
[JsonSerializable(typeof(Mixtures.CovariateScreenResult))]
[JsonSerializable(typeof(Mixtures.SimulationStudyResult))]
[JsonSerializable(typeof(Compositional.PartialCorrelationResult))]
[JsonSerializable(typeof(Compositional.ClrPcaResult))]
[JsonSerializable(typeof(Compositional.ProportionalityResult))]
[JsonSerializable(typeof(Compositional.PermutationFdrResult))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
