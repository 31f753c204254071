# Fixtures for full-information ML (lavaan's missing = "ml") in Econometrics.Sem: lavaan 0.6-14 fits of the
# Holzinger-Swineford three-factor CFA to HolzingerSwineford1939 with values deleted at random (MAR: the chance that an
# indicator is missing depends on the fully observed first indicator of its factor), and one row that is missing
# everywhere (lavaan drops it with a warning). Run from this folder: Rscript generate_fiml.R
# Writes fiml_<case>/{model.lav,input.csv,expected.json}.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
source_tag <- sprintf("R %s, lavaan %s", paste(R.version$major, R.version$minor, sep = "."), packageVersion("lavaan"))

measures <- c("chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "cfi", "tli", "nfi", "rmsea",
              "rmsea.ci.lower", "rmsea.ci.upper", "rmsea.pvalue", "rmsea.notclose.pvalue", "srmr",
              "logl", "unrestricted.logl", "aic", "bic", "bic2", "npar", "fmin")
robust_measures <- c("chisq.scaled", "df.scaled", "pvalue.scaled", "chisq.scaling.factor", "baseline.chisq.scaled",
                     "baseline.chisq.scaling.factor", "cfi.robust", "tli.robust", "rmsea.robust")

# MAR deletion: P(missing) = plogis(a + 1.2 z(driver)), the driver a fully observed variable.
set.seed(20261207)
hs <- HolzingerSwineford1939[, paste0("x", 1:9)]
z <- function(v) (v - mean(v)) / sd(v)
miss <- function(driver, a) runif(nrow(hs)) < plogis(a + 1.2 * z(driver))
d <- hs
d$x2[miss(hs$x1, -1.6)] <- NA
d$x3[miss(-hs$x1, -1.8)] <- NA
d$x5[miss(hs$x4, -1.6)] <- NA
d$x6[miss(hs$x4, -2.0)] <- NA
d$x8[miss(hs$x7, -1.6)] <- NA
d$x9[miss(-hs$x7, -1.8)] <- NA
d[17, ] <- NA

model <- "# Holzinger & Swineford three-factor CFA (lavaan tutorial)
visual  =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed   =~ x7 + x8 + x9"

write_case <- function(name, fit, call, extra = character(0)) {
  dir.create(name, showWarnings = FALSE)
  writeLines(model, file.path(name, "model.lav"))
  write.csv(d, file.path(name, "input.csv"), row.names = FALSE, na = "")
  pe <- parameterEstimates(fit)
  pe <- pe[pe$op %in% c("=~", "~", "~~", "~1", ":="), ]
  ss <- standardizedSolution(fit, type = "std.all")
  key <- paste(pe$lhs, pe$op, pe$rhs)
  std <- ss$est.std[match(key, paste(ss$lhs, ss$op, ss$rhs))]
  pt <- parTable(fit)
  free <- pt$free[match(key, paste(pt$lhs, pt$op, pt$rhs))] > 0
  est <- lapply(seq_len(nrow(pe)), function(i) list(lhs = pe$lhs[i], op = pe$op[i], rhs = pe$rhs[i], label = pe$label[i],
                 est = pe$est[i], se = if (is.na(pe$se[i]) || pe$se[i] == 0) NULL else pe$se[i], free = free[i], std.all = std[i]))
  fm <- as.list(fitMeasures(fit, c(measures, extra)))
  fm <- lapply(fm, function(x) if (is.na(x)) NULL else unname(x))
  h1 <- lavInspect(fit, "sampstat.h1")
  out <- list(source = source_tag, call = call, nobs = lavInspect(fit, "ntotal"),
              emptyRows = nrow(d) - lavInspect(fit, "ntotal"),
              expected = list(estimates = est, fit = fm,
                              coverage = unname(lavInspect(fit, "coverage")),
                              h1Mean = unname(as.numeric(h1$mean)), h1Cov = unname(as.matrix(h1$cov)),
                              loglikCasewise = unname(as.numeric(lavInspect(fit, "loglik.casewise")))),
              tolerance = list(estimate = 1e-4, stdError = 1e-4, stdAll = 1e-4, fitRelative = 1e-4, coverage = 1e-12,
                               h1 = 1e-6, loglikCasewise = 1e-4,
                               fitNote = "fit measures relative, with an absolute floor of 1e-8 for quantities that are zero up to rounding"))
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(name, "expected.json"))
}

fit_ml <- suppressWarnings(cfa(model, data = d, missing = "ml"))
write_case("fiml_hs_cfa", fit_ml, "cfa(model, data = d, missing = \"ml\")")
fit_mlr <- suppressWarnings(cfa(model, data = d, missing = "ml", estimator = "MLR"))
# Under FIML lavaan's robust CFI, TLI and RMSEA are the FIML-corrected indices (Zhang and Savalei 2020).
write_case("fiml_hs_mlr", fit_mlr, "cfa(model, data = d, missing = \"ml\", estimator = \"MLR\")", extra = robust_measures)
