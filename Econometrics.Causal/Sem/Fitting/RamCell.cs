using Econometrics.Sem.Syntax;
namespace Econometrics.Sem.Fitting;

/// <summary>
/// One row of the parameter table of a RAM-form model: the cell (Row, Col) of A (directed: Col -&gt; Row) or S
/// (symmetric), free (with its index into theta) or fixed at a value.
/// </summary>
internal sealed record RamCell(string Lhs, string Op, string Rhs, bool IsA, int Row, int Col, int Free, double Value, string? Label, RamCellKind Kind)
{
    public bool IsFree => Free >= 0;
}

internal enum RamCellKind { User, Default, FixedX }
