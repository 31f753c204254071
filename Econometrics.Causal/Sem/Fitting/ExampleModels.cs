namespace Econometrics.Sem.Fitting;

/// <summary>Classic models in lavaan syntax, for the shipped data sets in <c>data/sem/</c>.</summary>
public static class ExampleModels
{
    /// <summary>
    /// Bollen's (1989) political democracy model: industrialisation in 1960 and democracy in 1960 and 1965, with the
    /// correlated measurement errors of lavaan's tutorial. Data: <c>data/sem/PoliticalDemocracy.csv</c>.
    /// </summary>
    public const string PoliticalDemocracy = """
        ind60 =~ x1 + x2 + x3
        dem60 =~ y1 + y2 + y3 + y4
        dem65 =~ y5 + y6 + y7 + y8
        dem60 ~ ind60
        dem65 ~ ind60 + dem60
        y1 ~~ y5
        y2 ~~ y4 + y6
        y3 ~~ y7
        y4 ~~ y8
        y6 ~~ y8
        """;

    /// <summary>
    /// Holzinger and Swineford's (1939) three-factor CFA of nine mental-ability tests (lavaan's tutorial model). Data:
    /// <c>data/sem/HolzingerSwineford1939.csv</c>.
    /// </summary>
    public const string HolzingerSwineford = """
        visual  =~ x1 + x2 + x3
        textual =~ x4 + x5 + x6
        speed   =~ x7 + x8 + x9
        """;
}
