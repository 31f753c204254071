# Reference p-values and quantiles for ReferenceDistribution, from base R's stats package.
# Run: Rscript generate.R   (writes expected.json next to this file)
library(jsonlite)
cases <- list(
  list(dist = "Normal", df1 = NA, df2 = NA, x = 1.96, tail = "TwoSided", p = 2 * pnorm(-1.96)),
  list(dist = "Normal", df1 = NA, df2 = NA, x = 9, tail = "TwoSided", p = 2 * pnorm(-9)),
  list(dist = "Normal", df1 = NA, df2 = NA, x = -1.5, tail = "Lower", p = pnorm(-1.5)),
  list(dist = "ChiSquared", df1 = 5, df2 = NA, x = 11.070498, tail = "Upper", p = pchisq(11.070498, 5, lower.tail = FALSE)),
  list(dist = "ChiSquared", df1 = 10, df2 = NA, x = 400, tail = "Upper", p = pchisq(400, 10, lower.tail = FALSE)),
  list(dist = "F", df1 = 3, df2 = 20, x = 3.098391, tail = "Upper", p = pf(3.098391, 3, 20, lower.tail = FALSE)),
  list(dist = "F", df1 = 3, df2 = 996, x = 50, tail = "Upper", p = pf(50, 3, 996, lower.tail = FALSE)),
  list(dist = "StudentT", df1 = 10, df2 = NA, x = 2.228139, tail = "Lower", p = pt(2.228139, 10)),
  list(dist = "StudentT", df1 = 10, df2 = NA, x = 2.228139, tail = "TwoSided", p = 2 * pt(-2.228139, 10))
)
quantiles <- list(
  list(dist = "Normal", df1 = NA, df2 = NA, p = 0.975, q = qnorm(0.975)),
  list(dist = "ChiSquared", df1 = 5, df2 = NA, p = 0.95, q = qchisq(0.95, 5)),
  list(dist = "F", df1 = 3, df2 = 20, p = 0.95, q = qf(0.95, 3, 20)),
  list(dist = "StudentT", df1 = 10, df2 = NA, p = 0.975, q = qt(0.975, 10))
)
out <- list(
  source = paste0(R.version.string, ", stats"),
  call = "pnorm/pchisq/pf/pt and qnorm/qchisq/qf/qt; see generate.R",
  expected = list(pValues = cases, quantiles = quantiles),
  tolerance = list(pValue = 1e-10, quantile = 1e-8)
)
write(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "expected.json")
