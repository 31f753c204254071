using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Sem.Fitting;

/// <summary>One group of a multiple-group SEM fit.</summary>
/// <param name="Group">The group number (1-based, in order of first appearance in the data, as lavaan).</param>
/// <param name="Label">The group's value in the grouping column.</param>
/// <param name="NObs">Its number of complete cases N_g.</param>
/// <param name="Chisq">Its contribution 2 N_g F_g to the test statistic (lavaan's "Test statistic for each group").</param>
/// <param name="SampleCovariance">Its sample covariance (divisor N_g).</param>
/// <param name="ImpliedCovariance">Its model-implied covariance.</param>
public sealed record SemGroup(int Group, string Label, [property: System.Text.Json.Serialization.JsonPropertyName("nobs")] int NObs, double Chisq,
    Matrix<double> SampleCovariance, Matrix<double> ImpliedCovariance);
