namespace Econometrics.Mixtures;

/// <summary>Brent's derivative-free one-dimensional maximiser (golden section with parabolic steps).</summary>
/// <remarks>
/// Used for the knot: the likelihood in γ is piecewise smooth with kinks at every observed time, and its maximum
/// often sits on a kink, where Newton steps and gradient-based optimisers stall (Brent, Algorithms for Minimization without Derivatives, 1973, ch. 5).
/// </remarks>
internal static class Brent
{
    public static (double X, double F) Maximize(Func<double, double> f, double a, double b, double tol = 1e-8, int maxIter = 200,
        double absoluteTolerance = 1e-12)
    {
        const double golden = 0.3819660112501051;
        double x = a + golden * (b - a), w = x, v = x;
        double fx = -f(x), fw = fx, fv = fx;
        double d = 0, e = 0;
        for (int it = 0; it < maxIter; it++)
        {
            double xm = 0.5 * (a + b), tol1 = tol * Math.Abs(x) + absoluteTolerance, tol2 = 2 * tol1;
            if (Math.Abs(x - xm) <= tol2 - 0.5 * (b - a)) break;
            bool golden_step = true;
            if (Math.Abs(e) > tol1)
            {
                double r = (x - w) * (fx - fv), q = (x - v) * (fx - fw), p = (x - v) * q - (x - w) * r;
                q = 2 * (q - r);
                if (q > 0) p = -p; else q = -q;
                double etemp = e;
                e = d;
                if (!(Math.Abs(p) >= Math.Abs(0.5 * q * etemp) || p <= q * (a - x) || p >= q * (b - x)))
                {
                    d = p / q;
                    double u0 = x + d;
                    if (u0 - a < tol2 || b - u0 < tol2) d = xm - x >= 0 ? tol1 : -tol1;
                    golden_step = false;
                }
            }
            if (golden_step) { e = (x >= xm ? a : b) - x; d = golden * e; }
            double u = Math.Abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1);
            double fu = -f(u);
            if (double.IsNaN(fu)) fu = double.PositiveInfinity;
            if (fu <= fx)
            {
                if (u >= x) a = x; else b = x;
                v = w; fv = fw; w = x; fw = fx; x = u; fx = fu;
            }
            else
            {
                if (u < x) a = u; else b = u;
                if (fu <= fw || w == x) { v = w; fv = fw; w = u; fw = fu; }
                else if (fu <= fv || v == x || v == w) { v = u; fv = fu; }
            }
        }
        return (x, -fx);
    }
}
