namespace Econometrics.Panel.Estimators;

/// <summary>Which covariance estimator a panel regression reports.</summary>
public enum CovarianceKind
{
    /// <summary>Homoskedastic: sigma^2 (X'X)^-1 on the transformed data, sigma^2 = SSR / residual degrees of freedom.</summary>
    Classical,

    /// <summary>White's heteroskedasticity-robust sandwich (plm's vcovHC(method = "white1")).</summary>
    Heteroskedastic,

    /// <summary>Cluster-robust by unit (Arellano 1987; plm's vcovHC(method = "arellano", cluster = "group")).</summary>
    ClusterUnit,

    /// <summary>Cluster-robust by period (plm's vcovHC(method = "arellano", cluster = "time")).</summary>
    ClusterTime,

    /// <summary>Two-way clustering by unit and period (Cameron, Gelbach and Miller 2011; plm's vcovDC): V_unit + V_time - V_white.</summary>
    ClusterTwoWay,

    /// <summary>Driscoll and Kraay (1998): period clusters with Bartlett-weighted cross-period covariances (plm's vcovSCC).</summary>
    DriscollKraay,

    /// <summary>Pesaran's (2006) nonparametric mean-group variance (CCE mean group and unit-by-unit OLS).</summary>
    MeanGroup,
}

/// <summary>How residuals are scaled inside a sandwich (plm's <c>type</c> argument).</summary>
public enum ResidualAdjustment
{
    /// <summary>None: u.</summary>
    HC0,

    /// <summary>u sqrt(n / (n - k)), n observations, k coefficients.</summary>
    HC1,

    /// <summary>u / sqrt(1 - h), h the leverage on the transformed design.</summary>
    HC2,

    /// <summary>u / (1 - h).</summary>
    HC3,

    /// <summary>Stata's small-sample scaling u sqrt(G/(G - 1) (n - 1)/(n - k)), G the number of clusters (n for White).</summary>
    Sss,
}

/// <summary>
/// The covariance of a panel regression's coefficients, as a value: one option for every estimator.
/// Defaults follow the plm calls users compare with: <c>Cluster</c> = vcovHC(method = "arellano", type = "sss"),
/// <c>TwoWay</c> = vcovDC (type HC0), <c>DriscollKraay</c> = vcovSCC (type HC0, lag window floor(T^(1/4))).
/// </summary>
/// <param name="Kind">The estimator.</param>
/// <param name="Adjustment">The residual scaling in the sandwich (ignored by Classical and MeanGroup).</param>
/// <param name="Lags">Driscoll-Kraay: the Bartlett lag window L (weights 1 - l/(L + 1)); null for floor(max T_i^(1/4)).</param>
public sealed record PanelCovariance(CovarianceKind Kind, ResidualAdjustment Adjustment = ResidualAdjustment.HC0, int? Lags = null)
{
    /// <summary>Homoskedastic errors.</summary>
    public static PanelCovariance Classical { get; } = new(CovarianceKind.Classical);

    /// <summary>White HC0.</summary>
    public static PanelCovariance HC0 { get; } = new(CovarianceKind.Heteroskedastic, ResidualAdjustment.HC0);

    /// <summary>White HC1 (n / (n - k)).</summary>
    public static PanelCovariance HC1 { get; } = new(CovarianceKind.Heteroskedastic, ResidualAdjustment.HC1);

    /// <summary>White HC2 (leverage).</summary>
    public static PanelCovariance HC2 { get; } = new(CovarianceKind.Heteroskedastic, ResidualAdjustment.HC2);

    /// <summary>White HC3 (squared leverage).</summary>
    public static PanelCovariance HC3 { get; } = new(CovarianceKind.Heteroskedastic, ResidualAdjustment.HC3);

    /// <summary>Clustered by unit with Stata's small-sample scaling (xtreg, vce(cluster); plm arellano "sss").</summary>
    public static PanelCovariance Cluster { get; } = new(CovarianceKind.ClusterUnit, ResidualAdjustment.Sss);

    /// <summary>Clustered by period with Stata's small-sample scaling.</summary>
    public static PanelCovariance ClusterTime { get; } = new(CovarianceKind.ClusterTime, ResidualAdjustment.Sss);

    /// <summary>Two-way clustered (Cameron-Gelbach-Miller), plm's vcovDC default (HC0).</summary>
    public static PanelCovariance TwoWay { get; } = new(CovarianceKind.ClusterTwoWay, ResidualAdjustment.HC0);

    /// <summary>Pesaran's mean-group variance.</summary>
    public static PanelCovariance MeanGroup { get; } = new(CovarianceKind.MeanGroup);

    /// <summary>Driscoll-Kraay with a Bartlett window of <paramref name="lags"/> periods (null: floor(max T_i^(1/4)), as plm and xtscc).</summary>
    /// <param name="lags">The lag window L &gt;= 0.</param>
    public static PanelCovariance DriscollKraay(int? lags = null) => new(CovarianceKind.DriscollKraay, ResidualAdjustment.HC0, lags);

    /// <summary>The CLI names: classical, hc0, hc1, hc2, hc3, cluster, cluster-time, twoway, driscoll-kraay, mean-group.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["classical", "hc0", "hc1", "hc2", "hc3", "cluster", "cluster-time", "twoway", "driscoll-kraay", "mean-group"];

    /// <summary>The covariance for a CLI name (see <see cref="Names"/>).</summary>
    /// <param name="name">The name.</param>
    /// <param name="lags">Driscoll-Kraay's lag window, or null.</param>
    public static PanelCovariance Parse(string name, int? lags = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var v = name.Trim().ToLowerInvariant() switch
        {
            "classical" => Classical,
            "hc0" => HC0,
            "hc1" => HC1,
            "hc2" => HC2,
            "hc3" => HC3,
            "cluster" => Cluster,
            "cluster-time" => ClusterTime,
            "twoway" => TwoWay,
            "driscoll-kraay" => DriscollKraay(lags),
            "mean-group" => MeanGroup,
            _ => throw new ArgumentException($"vcov must be one of {string.Join(", ", Names)}; got '{name}'.", "vcov"),
        };
        if (lags is not null && v.Kind != CovarianceKind.DriscollKraay)
            throw new ArgumentException("lags applies only to --vcov driscoll-kraay.", "lags");
        return v;
    }

    // The residual adjustment as plm's vcovHC and sandwich name it ("sss", "HC1"), not as the C# member.
    private string AdjustmentLabel => Adjustment == ResidualAdjustment.Sss ? "sss" : Adjustment.ToString();

    /// <summary>A short description for summaries.</summary>
    public string Describe() => Kind switch
    {
        CovarianceKind.Classical => "classical",
        CovarianceKind.Heteroskedastic => $"heteroskedasticity-robust ({AdjustmentLabel})",
        CovarianceKind.ClusterUnit => $"clustered by unit ({AdjustmentLabel})",
        CovarianceKind.ClusterTime => $"clustered by period ({AdjustmentLabel})",
        CovarianceKind.ClusterTwoWay => $"two-way clustered, unit and period ({AdjustmentLabel})",
        CovarianceKind.DriscollKraay => $"Driscoll-Kraay ({AdjustmentLabel}, Bartlett lag window " +
            $"{(Lags is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "floor(T^(1/4))")})",
        _ => "mean-group (nonparametric)",
    };
}
