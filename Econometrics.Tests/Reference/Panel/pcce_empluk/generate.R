# Fixture: plm::pcce (CCE mean group and pooled) on the unbalanced EmplUK panel, coefficients and plm's standard
# errors, and pcdtest (cd) on the CCE residuals. Cross-section averages are over the firms observed in each year.
# Run from this folder: Rscript generate.R   (R 4.2.2, plm 2.6-2, jsonlite)
source("../pcdtest_common.R")
data("EmplUK", package = "plm")
d <- EmplUK
write.csv(d[, c("firm", "year", "emp", "wage", "capital")], "input.csv", row.names = FALSE, quote = FALSE)
f <- log(emp) ~ log(wage) + log(capital)
exp <- list()
for (mod in c("mg", "p")) {
  m <- pcce(f, data = d, model = mod)
  r <- pcdtest(m)
  exp[[mod]] <- list(coefficients = coef_table(m), cd = list(statistic = unname(r$statistic), pValue = unname(r$p.value)))
}
exp$n <- 140; exp$nobs <- 1031
write_fixture(".", "pcce(log(emp) ~ log(wage) + log(capital), data = EmplUK, model = m) for m in c('mg','p'); pcdtest(model)",
  list(formula = "log(emp) ~ log(wage) + log(capital)", entity = "firm", time = "year"), exp,
  tolerance = list(statistic = 1e-6, pValue = 1e-6, coefficients = 1e-6))
