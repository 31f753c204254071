# Fixtures for Econometrics.Sem (Econometrics.Causal assembly): lavaan 0.6-14 ML fits (default settings: ML, expected information,
# fixed.x = TRUE, marker-variable identification). Run from this folder: Rscript generate.R
# Writes <case>/expected.json, <case>/model.lav and the input data (<case>/input.csv or <case>/cov.csv)
# and ships the lavaan data sets into ../../../data/sem/.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
source_tag <- sprintf("R %s, lavaan %s", paste(R.version$major, R.version$minor, sep = "."), packageVersion("lavaan"))

measures <- c("chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "cfi", "tli", "nfi", "rmsea",
              "rmsea.ci.lower", "rmsea.ci.upper", "rmsea.pvalue", "rmsea.notclose.pvalue", "srmr",
              "logl", "unrestricted.logl", "aic", "bic", "bic2", "npar", "fmin")

robust_measures <- c("chisq.scaled", "df.scaled", "pvalue.scaled", "chisq.scaling.factor", "baseline.chisq.scaled",
                     "baseline.chisq.scaling.factor", "cfi.robust", "tli.robust", "rmsea.robust")

write_case <- function(name, model, fit, call, input = NULL, cov = NULL, nobs = NULL, extra = character(0)) {
  dir.create(name, showWarnings = FALSE)
  writeLines(model, file.path(name, "model.lav"))
  if (!is.null(input)) write.csv(input, file.path(name, "input.csv"), row.names = FALSE)
  if (!is.null(cov)) write.csv(cov, file.path(name, "cov.csv"), row.names = FALSE)
  pe <- parameterEstimates(fit)
  pe <- pe[pe$op %in% c("=~", "~", "~~", "~1", ":="), ]
  ss <- standardizedSolution(fit, type = "std.all")
  key <- paste(pe$lhs, pe$op, pe$rhs)
  std <- ss$est.std[match(key, paste(ss$lhs, ss$op, ss$rhs))]
  pt <- parTable(fit)
  free <- pt$free[match(key, paste(pt$lhs, pt$op, pt$rhs))] > 0
  # No standard error (null) for fixed parameters and for free ones pinned by constraints (lavaan: 0 or NA).
  est <- lapply(seq_len(nrow(pe)), function(i) list(lhs = pe$lhs[i], op = pe$op[i], rhs = pe$rhs[i], label = pe$label[i],
                 est = pe$est[i], se = if (is.na(pe$se[i]) || pe$se[i] == 0) NULL else pe$se[i], free = free[i], std.all = std[i]))
  fm <- as.list(fitMeasures(fit, c(measures, extra)))
  fm <- lapply(fm, function(x) if (is.na(x)) NULL else unname(x))
  out <- list(source = source_tag, call = call,
              nobs = if (is.null(nobs)) nrow(input) else nobs,
              expected = list(estimates = est, fit = fm),
              tolerance = list(estimate = 1e-4, stdError = 1e-4, stdAll = 1e-4, fitRelative = 1e-4,
                                fitNote = "fit measures relative, with an absolute floor of 1e-8 for quantities that are zero up to rounding"))
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(name, "expected.json"))
}

# 1. HolzingerSwineford1939 three-factor CFA.
hs <- HolzingerSwineford1939
hs_model <- "# Holzinger & Swineford three-factor CFA (lavaan tutorial)
visual  =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed   =~ x7 + x8 + x9"
hs_fit <- cfa(hs_model, data = hs)
hs_in <- hs[, paste0("x", 1:9)]
write_case("lavaan_hs_cfa", hs_model, hs_fit, "cfa(model, data = HolzingerSwineford1939)", input = hs_in)

# 1b. The same with std.lv = TRUE (factor variances fixed at 1, all loadings free).
hs_fit_lv <- cfa(hs_model, data = hs, std.lv = TRUE)
write_case("lavaan_hs_cfa_stdlv", hs_model, hs_fit_lv, "cfa(model, data = HolzingerSwineford1939, std.lv = TRUE)", input = hs_in)

# 2. PoliticalDemocracy SEM with correlated residuals (lavaan tutorial).
pd <- PoliticalDemocracy
pd_model <- "# Bollen (1989) political democracy model (lavaan tutorial)
ind60 =~ x1 + x2 + x3
dem60 =~ y1 + y2 + y3 + y4
dem65 =~ y5 + y6 + y7 + y8
dem60 ~ ind60
dem65 ~ ind60 + dem60
y1 ~~ y5
y2 ~~ y4 + y6
y3 ~~ y7
y4 ~~ y8
y6 ~~ y8"
pd_fit <- sem(pd_model, data = pd)
write_case("lavaan_poldem_sem", pd_model, pd_fit, "sem(model, data = PoliticalDemocracy)", input = pd)

# 3. Non-recursive model with instruments x1 (for y1) and x2 (for y2), no disturbance covariance (df = 1),
#    fitted to a covariance matrix with sample.nobs = 500 (lavaan rescales it by 499/500).
S <- matrix(c(2.126, 1.606, .733, .375,
              1.606, 2.195, .443, .650,
              .733, .443, 1, .3,
              .375, .650, .3, 1), 4, 4, dimnames = list(c("y1", "y2", "x1", "x2"), c("y1", "y2", "x1", "x2")))
nr_model <- "# non-recursive model: y1 and y2 cause each other, x1 and x2 are instruments
y1 ~ x1 + y2
y2 ~ x2 + y1"
nr_fit <- sem(nr_model, sample.cov = S, sample.nobs = 500)
write_case("lavaan_nonrecursive", nr_model, nr_fit, "sem(model, sample.cov = S, sample.nobs = 500)", cov = S, nobs = 500)

# 4. The same with a disturbance covariance (just identified, df = 0).
nra_model <- "# just-identified non-recursive model with correlated disturbances
y1 ~ x1 + y2
y2 ~ x2 + y1
y1 ~~ y2"
nra_fit <- sem(nra_model, sample.cov = S, sample.nobs = 500)
write_case("lavaan_nonrecursive_cov", nra_model, nra_fit, "sem(model, sample.cov = S, sample.nobs = 500)", cov = S, nobs = 500)

# 5. Latent growth curve with time-invariant (x1, x2) and time-varying (c1..c4) covariates: growth() defaults
#    (mean structure, observed intercepts fixed at 0, latent intercepts free, fixed.x = TRUE).
gr <- Demo.growth
gr_model <- "# linear growth with covariates (lavaan's Demo.growth)
i =~ 1*t1 + 1*t2 + 1*t3 + 1*t4
s =~ 0*t1 + 1*t2 + 2*t3 + 3*t4
i ~ x1 + x2
s ~ x1 + x2
t1 ~ c1
t2 ~ c2
t3 ~ c3
t4 ~ c4"
gr_fit <- growth(gr_model, data = gr)
write_case("lavaan_growth", gr_model, gr_fit, "growth(model, data = Demo.growth)", input = gr)

# 6. PoliticalDemocracy with the mean structure switched on by the option (free intercepts, latent means 0).
pdm_fit <- sem(pd_model, data = pd, meanstructure = TRUE)
write_case("lavaan_poldem_means", pd_model, pdm_fit, "sem(model, data = PoliticalDemocracy, meanstructure = TRUE)", input = pd)

# 7. Mean structure from the syntax: the marker's intercept fixed at 0 and the factor means free.
hsm_model <- "# CFA with latent means identified by fixing the marker intercepts
visual  =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
visual ~ 1
textual ~ 1
x1 ~ 0*1
x4 ~ 0*1"
hsm_fit <- cfa(hsm_model, data = hs)
write_case("lavaan_hs_means", hsm_model, hsm_fit, "cfa(model, data = HolzingerSwineford1939)", input = hs[, paste0("x", 1:6)])

# 8. Mediation on simulated data (X -> M -> Y) with defined parameters over labels (indirect, total, proportion mediated,
#    and an expression exercising + - * / ^, parentheses, exp, log and sqrt); delta-method standard errors.
set.seed(1234)
n_med <- 300
X <- rnorm(n_med); M <- 0.5 * X + rnorm(n_med); Y <- 0.7 * M + 0.2 * X + rnorm(n_med)
dir.create("sem_mediation", showWarnings = FALSE)
write.csv(data.frame(X = X, M = M, Y = Y), "sem_mediation/input.csv", row.names = FALSE)
med <- read.csv("sem_mediation/input.csv")
med_model <- "# simple mediation with defined effects
M ~ a*X
Y ~ b*M + c*X
ab := a*b
total := c + a*b
prop := a*b/(c + a*b)
g := exp(a)^2 - sqrt(b) * log(b) + (a - c)/2 + -a^2"
write_case("sem_mediation", med_model, sem(med_model, data = med), "sem(model, data = mediation)", input = med)

# 9. The same with an equality constraint a == b (linear; df + 1).
med_eq_model <- "# mediation with the a and b paths constrained equal
M ~ a*X
Y ~ b*M + c*X
a == b
ab := a*b
total := c + a*b"
write_case("sem_mediation_eq", med_eq_model, sem(med_eq_model, data = med), "sem(model, data = mediation)", input = med)

# 10. Inequality constraints: c < 0 is active at the solution (c = 0, no standard error), a > 0 is not.
med_ineq_model <- "# mediation with a sign constraint on the direct effect
M ~ a*X
Y ~ b*M + c*X
c < 0
a > 0
ab := a*b
total := c + a*b"
write_case("sem_mediation_ineq", med_ineq_model, sem(med_ineq_model, data = med), "sem(model, data = mediation)", input = med)

# 11. CFA with linear equality constraints over loadings (one pinning a sum) and a defined difference.
hsc_model <- "# Holzinger-Swineford CFA with constrained loadings
visual  =~ x1 + l2*x2 + l3*x3
textual =~ x4 + l5*x5 + l6*x6
speed   =~ x7 + x8 + x9
l2 == l3
l5 + l6 == 2.2
d := l2 - l5"
write_case("sem_hs_constrained", hsc_model, cfa(hsc_model, data = hs), "cfa(model, data = HolzingerSwineford1939)", input = hs_in)

# Modification indices (lavaan's modindices(fit, sort. = TRUE): univariate score tests of each fixed or absent parameter,
# with the expected parameter change and its standardization sepc.all), beside the fits above.
write_mi <- function(name, fit) {
  mi <- modindices(fit, sort. = TRUE)
  rows <- lapply(seq_len(nrow(mi)), function(i) list(lhs = mi$lhs[i], op = mi$op[i], rhs = mi$rhs[i], mi = mi$mi[i],
                 epc = mi$epc[i], sepc.all = mi$sepc.all[i]))
  out <- list(source = source_tag, call = "modindices(fit, sort. = TRUE)", modindices = rows,
              tolerance = list(miRelative = 1e-4, epc = 1e-4, sepcAll = 1e-4))
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(name, "modindices.json"))
}
write_mi("lavaan_hs_cfa", hs_fit)
write_mi("lavaan_poldem_sem", pd_fit)
write_mi("lavaan_growth", gr_fit)
write_mi("sem_mediation", sem(med_model, data = med))
write_mi("sem_mediation_eq", sem(med_eq_model, data = med))

# 12. Robust ML (MLM): Satorra-Bentler robust standard errors and scaled test, robust CFI/TLI/RMSEA (lavaan 0.6-14 stops
#     on MLM for just-identified models, so the mediation case leaves out the direct effect: df = 1).
med_full_model <- "# full mediation (no direct effect) with the indirect effect
M ~ a*X
Y ~ b*M
ab := a*b"
for (case in list(list("mlm_hs_cfa", hs_model, "cfa", hs_in, "HolzingerSwineford1939"),
                  list("mlm_poldem_sem", pd_model, "sem", pd, "PoliticalDemocracy"),
                  list("mlm_mediation", med_full_model, "sem", med, "mediation"),
                  list("mlm_mediation_eq", med_eq_model, "sem", med, "mediation"),
                  list("mlm_hs_means", hsm_model, "cfa", hs[, paste0("x", 1:6)], "HolzingerSwineford1939"))) {
  f <- if (case[[3]] == "cfa") cfa(case[[2]], data = case[[4]], estimator = "MLM") else sem(case[[2]], data = case[[4]], estimator = "MLM")
  write_case(case[[1]], case[[2]], f, sprintf("%s(model, data = %s, estimator = \"MLM\")", case[[3]], case[[5]]),
             input = case[[4]], extra = robust_measures)
}

# 13. Robust ML (MLR) on complete data: Huber-White standard errors (observed information as the bread, casewise scores as
#     the meat) and the Yuan-Bentler scaled test (Mplus variant, lavaan's default for MLR), with robust CFI/TLI/RMSEA.
for (case in list(list("mlr_hs_cfa", hs_model, "cfa", hs_in, "HolzingerSwineford1939"),
                  list("mlr_poldem_sem", pd_model, "sem", pd, "PoliticalDemocracy"),
                  list("mlr_mediation", med_full_model, "sem", med, "mediation"),
                  list("mlr_mediation_eq", med_eq_model, "sem", med, "mediation"),
                  list("mlr_hs_means", hsm_model, "cfa", hs[, paste0("x", 1:6)], "HolzingerSwineford1939"),
                  list("mlr_growth", gr_model, "growth", gr, "Demo.growth"))) {
  f <- switch(case[[3]], cfa = cfa(case[[2]], data = case[[4]], estimator = "MLR"),
              sem = sem(case[[2]], data = case[[4]], estimator = "MLR"),
              growth = growth(case[[2]], data = case[[4]], estimator = "MLR"))
  write_case(case[[1]], case[[2]], f, sprintf("%s(model, data = %s, estimator = \"MLR\")", case[[3]], case[[5]]),
             input = case[[4]], extra = robust_measures)
}

# Shipped data sets.
write.csv(hs, "../../../data/sem/HolzingerSwineford1939.csv", row.names = FALSE)
write.csv(pd, "../../../data/sem/PoliticalDemocracy.csv", row.names = FALSE)
