using Econometrics.Sem.Syntax;
namespace Econometrics.Sem.Fitting;

/// <summary>
/// One row of the parameter table of a RAM-form model: the cell (Row, Col) of A (directed: Col -&gt; Row), S
/// (symmetric) or the mean vector m (Row), free (with its index into theta) or fixed at a value.
/// </summary>
internal sealed record RamCell(string Lhs, string Op, string Rhs, bool IsA, int Row, int Col, int Free, double Value, string? Label, RamCellKind Kind)
{
    public bool IsFree => Free >= 0;

    /// <summary>Whether the cell is an intercept or latent mean (the vector m of mu = F (I - A)^-1 m; Row = variable).</summary>
    public bool IsMean => Op == "~1";

    /// <summary>Whether the cell is in the covariance matrix S.</summary>
    public bool IsS => !IsA && !IsMean;
}

internal enum RamCellKind { User, Default, FixedX }
