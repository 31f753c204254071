using MathNet.Numerics.LinearAlgebra;

namespace Econometrics.Causal.Invariance;

/// <summary>Working copies of a <see cref="Econometrics.Sem.Graphs.LinearSem"/>'s Lambda, intercepts and Omega that interventions edit.</summary>
internal sealed record StructuralParameters(Matrix<double> Lambda, Vector<double> Intercepts, Matrix<double> Omega);
