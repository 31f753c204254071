# Fixture: plm estimators and covariances on Grunfeld (balanced, N = 10, T = 20), inv ~ value + capital.
# Run from this folder: Rscript generate.R   (R 4.2.2, plm 2.6-2, jsonlite)
source("../plm_estimators_common.R")
data("Grunfeld", package = "plm")
write.csv(Grunfeld[, c("firm", "year", "inv", "value", "capital")], "input.csv", row.names = FALSE, quote = FALSE)
pd <- pdata.frame(Grunfeld, index = c("firm", "year"))
f <- inv ~ value + capital
write_fixture(".", "plm(inv ~ value + capital, Grunfeld, model = pooling|within|within twoways|random|fd) with vcov, vcovHC, vcovDC, vcovSCC; phtest",
  list(formula = "inv ~ value + capital", entity = "firm", time = "year"), estimators_expected(f, pd),
  tolerance = list(coefficients = 1e-8, stdError = 1e-6, rSquared = 1e-8, statistic = 1e-6))
