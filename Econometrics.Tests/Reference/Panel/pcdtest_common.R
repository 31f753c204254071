# Shared helper for the pcdtest_* fixture generators (sourced by each case's generate.R).
# Writes expected.json with every statistic plm::pcdtest offers for the case, at full precision,
# plus the model's coefficient table (plm's own estimates and classical standard errors).
suppressPackageStartupMessages({ library(plm); library(jsonlite) })

pcd_all <- function(x, tests, ...) {
  out <- list()
  for (tt in tests) {
    r <- pcdtest(x, test = tt, ...)
    out[[tt]] <- list(statistic = unname(r$statistic), pValue = if (is.null(r$p.value)) NULL else unname(r$p.value))
    if (tt == "lm") out$pairs <- unname(r$parameter)
  }
  out
}

# Everything a fitted plm model's fixture records: the tests, rho/absrho, plm's coefficients and the dimensions.
pcd_model_expected <- function(m, tests) {
  exp <- pcd_all(m, tests)
  exp$rho <- unname(pcdtest(m, test = "rho")$statistic)
  exp$absrho <- unname(pcdtest(m, test = "absrho")$statistic)
  exp$coefficients <- coef_table(m)
  exp$n <- pdim(m)$nT$n; exp$t <- pdim(m)$nT$T; exp$nobs <- pdim(m)$nT$N
  exp
}

coef_table <- function(m) {
  sm <- summary(m); s <- if (!is.null(sm$CoefTable)) sm$CoefTable else coef(sm)
  lapply(setNames(seq_len(nrow(s)), rownames(s)), function(i) list(estimate = s[i, 1], stdError = s[i, 2]))
}

write_fixture <- function(dir, call, spec, expected, tolerance = list(statistic = 1e-8, pValue = 1e-8, coefficients = 1e-8)) {
  doc <- list(source = sprintf("%s, plm %s", R.version.string, as.character(packageVersion("plm"))),
              call = call, spec = spec, expected = expected, tolerance = tolerance)
  writeLines(toJSON(doc, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(dir, "expected.json"))
}
