# Fixture: plm estimators and covariances on EmplUK (unbalanced: 140 firms, 7-9 years, 1031 rows), rows shuffled
# in input.csv so the loader's ordering is exercised: log(emp) ~ log(wage) + log(capital) + log(output).
# Run from this folder: Rscript generate.R   (R 4.2.2, plm 2.6-2, jsonlite)
source("../plm_estimators_common.R")
data("EmplUK", package = "plm")
set.seed(20261206)
shuffled <- EmplUK[sample(nrow(EmplUK)), c("firm", "year", "emp", "wage", "capital", "output")]
write.csv(shuffled, "input.csv", row.names = FALSE, quote = FALSE)
pd <- pdata.frame(shuffled, index = c("firm", "year"))
f <- log(emp) ~ log(wage) + log(capital) + log(output)
pd$lemp <- log(pd$emp); pd$lwage <- log(pd$wage); pd$lcapital <- log(pd$capital); pd$loutput <- log(pd$output)
write_fixture(".", "plm(log(emp) ~ log(wage) + log(capital) + log(output), EmplUK (shuffled), model = pooling|within|within twoways|random|fd) with vcov, vcovHC, vcovDC, vcovSCC; phtest",
  list(formula = "log(emp) ~ log(wage) + log(capital) + log(output)", entity = "firm", time = "year"), estimators_expected(f, pd, lemp ~ lwage + lcapital + loutput),
  tolerance = list(coefficients = 1e-8, stdError = 1e-6, rSquared = 1e-8, statistic = 1e-6))
