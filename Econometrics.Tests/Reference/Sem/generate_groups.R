# Multiple-group fixtures for Econometrics.Sem (Econometrics.Causal): lavaan 0.6-14 ML fits of the Holzinger-Swineford
# three-factor CFA by school (groups in order of first appearance: 1 Pasteur, 2 Grant-White), each group.equal level of the
# measurement-invariance sequence, lv.variances/means, group.partial, group-specific c() modifiers, and the invariance
# sequence itself (lavTestLRT chi-square differences; semTools 0.5-6 compareFit differences in CFI and RMSEA), and Bollen's
# political democracy SEM in two groups (rows 1-38 and 39-75) with equal regressions and residual covariances.
# Run from this folder: Rscript generate_groups.R. Writes mg_<case>/{expected.json, model.lav, input.csv}.
suppressPackageStartupMessages({ library(lavaan); library(semTools); library(jsonlite) })
source_tag <- sprintf("R %s, lavaan %s, semTools %s", paste(R.version$major, R.version$minor, sep = "."), packageVersion("lavaan"),
                      packageVersion("semTools"))

measures <- c("chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "cfi", "tli", "nfi", "rmsea",
              "rmsea.ci.lower", "rmsea.ci.upper", "rmsea.pvalue", "rmsea.notclose.pvalue", "srmr",
              "logl", "unrestricted.logl", "aic", "bic", "bic2", "npar", "fmin")

hs <- HolzingerSwineford1939[, c("school", paste0("x", 1:9))]
hs_model <- "# Holzinger & Swineford three-factor CFA (lavaan tutorial)
visual  =~ x1 + x2 + x3
textual =~ x4 + x5 + x6
speed   =~ x7 + x8 + x9"

tolerance <- list(estimate = 1e-4, stdError = 1e-4, stdAll = 1e-4, fitRelative = 1e-4,
                  fitNote = "fit measures relative, with an absolute floor of 1e-8 for quantities that are zero up to rounding")

write_case <- function(name, model, fit, call, equal = character(0), partial = character(0), data = hs, group = "school",
                       tol = tolerance) {
  dir <- paste0("mg_", name)
  dir.create(dir, showWarnings = FALSE)
  writeLines(model, file.path(dir, "model.lav"))
  write.csv(data, file.path(dir, "input.csv"), row.names = FALSE)
  pe <- parameterEstimates(fit)
  pe <- pe[pe$op %in% c("=~", "~", "~~", "~1", ":="), ]
  ss <- standardizedSolution(fit, type = "std.all")
  key <- paste(pe$lhs, pe$op, pe$rhs, pe$group)
  std <- ss$est.std[match(key, paste(ss$lhs, ss$op, ss$rhs, ss$group))]
  pt <- parTable(fit)
  free <- pt$free[match(key, paste(pt$lhs, pt$op, pt$rhs, pt$group))] > 0
  labels <- lavInspect(fit, "group.label")
  est <- lapply(seq_len(nrow(pe)), function(i) list(group = pe$group[i], lhs = pe$lhs[i], op = pe$op[i], rhs = pe$rhs[i],
                 est = pe$est[i], se = if (is.na(pe$se[i]) || pe$se[i] == 0) NULL else pe$se[i], free = free[i], std.all = std[i]))
  fm <- as.list(fitMeasures(fit, measures))
  fm <- lapply(fm, function(x) if (is.na(x)) NULL else unname(x))
  out <- list(source = source_tag, call = call, nobs = nrow(data),
              options = list(group = group, groupEqual = I(equal), groupPartial = I(partial)),
              expected = list(groupLabels = I(labels), groupNobs = I(lavInspect(fit, "nobs")),
                              groupChisq = I(unname(fit@test[[1]]$stat.group)), estimates = est, fit = fm),
              tolerance = tol)
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(dir, "expected.json"))
}

# The measurement-invariance sequence.
configural <- cfa(hs_model, data = hs, group = "school")
write_case("hs_configural", hs_model, configural, 'cfa(model, data = HolzingerSwineford1939, group = "school")')
metric <- cfa(hs_model, data = hs, group = "school", group.equal = "loadings")
write_case("hs_metric", hs_model, metric, 'cfa(model, data = HolzingerSwineford1939, group = "school", group.equal = "loadings")',
           equal = "loadings")
scalar <- cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts"))
write_case("hs_scalar", hs_model, scalar,
           'cfa(model, data = HolzingerSwineford1939, group = "school", group.equal = c("loadings", "intercepts"))',
           equal = c("loadings", "intercepts"))
strict <- cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts", "residuals"))
write_case("hs_strict", hs_model, strict,
           'cfa(model, data = HolzingerSwineford1939, group = "school", group.equal = c("loadings", "intercepts", "residuals"))',
           equal = c("loadings", "intercepts", "residuals"))

# Equal latent variances and covariances and means on top of scalar invariance (latent means then fixed at 0 in every group).
lv <- cfa(hs_model, data = hs, group = "school",
          group.equal = c("loadings", "intercepts", "lv.variances", "lv.covariances", "means"))
write_case("hs_lv", hs_model, lv, paste0('cfa(model, data = HolzingerSwineford1939, group = "school", group.equal = c("loadings", ',
           '"intercepts", "lv.variances", "lv.covariances", "means"))'),
           equal = c("loadings", "intercepts", "lv.variances", "lv.covariances", "means"))

# Partial scalar invariance: the intercept of x3 and the loading of x2 free across groups.
partial <- cfa(hs_model, data = hs, group = "school", group.equal = c("loadings", "intercepts"),
               group.partial = c("x3 ~ 1", "visual =~ x2"))
write_case("hs_partial", hs_model, partial, paste0('cfa(model, data = HolzingerSwineford1939, group = "school", ',
           'group.equal = c("loadings", "intercepts"), group.partial = c("x3 ~ 1", "visual =~ x2"))'),
           equal = c("loadings", "intercepts"), partial = c("x3 ~ 1", "visual =~ x2"))

# Group-specific modifiers: labels per group, a loading fixed in group 1 only, equal labels, and a defined difference.
labels_model <- "# group-specific modifiers c(...)
visual  =~ x1 + c(a1, a2)*x2 + c(b, b)*x3
textual =~ x4 + c(1, NA)*x5 + x6
speed   =~ x7 + x8 + x9
x1 ~ c(i1, i1)*1
d := a1 - a2"
labelled <- cfa(labels_model, data = hs, group = "school")
write_case("hs_labels", labels_model, labelled, 'cfa(model, data = HolzingerSwineford1939, group = "school")')

# The structural levels: equal regressions and residual covariances (with loadings and intercepts) in Bollen's model.
pd <- PoliticalDemocracy
pd$half <- ifelse(seq_len(nrow(pd)) <= 38, "first", "second")
pd_model <- paste(readLines(file.path("lavaan_poldem_sem", "model.lav")), collapse = "\n")
pd_equal <- c("loadings", "intercepts", "regressions", "residual.covariances")
structural <- sem(pd_model, data = pd, group = "half", group.equal = pd_equal)
write_case("poldem_structural", pd_model, structural, paste0('sem(model, data = PoliticalDemocracy (rows 1-38 "first", 39-75 ',
           '"second"), group = "half", group.equal = c("loadings", "intercepts", "regressions", "residual.covariances"))'),
           equal = pd_equal, data = pd, group = "half",
           tol = modifyList(tolerance, list(estimate = 2.5e-4, estimateNote = paste(
             "lavaan's nlminb stops at chisq 130.3380072791 (a restart from its solution does not move; rel.tol 1e-13 fails",
             "to converge); Econometrics reaches 130.3380072559, and the likelihood is flat along dem60's variance in group 1,",
             "which differs by 1.03e-4 (the largest difference). SEs, std.all and fit measures keep the usual tolerances."))))

# The invariance sequence: lavTestLRT's chi-square differences (with the RMSEA of the difference) and semTools'
# compareFit differences in CFI and RMSEA.
lrt <- lavTestLRT(configural, metric, scalar, strict)
cf <- compareFit(configural = configural, metric = metric, scalar = scalar, strict = strict)
steps <- c("configural", "metric", "scalar", "strict")
fits <- list(configural, metric, scalar, strict)
seq_rows <- lapply(seq_along(steps), function(i) {
  fm <- fitMeasures(fits[[i]], c("chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "aic", "bic"))
  row <- c(list(model = steps[i]), as.list(unname(fm)))
  names(row) <- c("model", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "aic", "bic")
  if (i > 1) {
    row$chisqDiff <- lrt[i, "Chisq diff"]; row$dfDiff <- lrt[i, "Df diff"]; row$pvalueDiff <- lrt[i, "Pr(>Chisq)"]
    row$rmseaDiff <- lrt[i, "RMSEA"]
    row$deltaCfi <- cf@fit.diff[i - 1, "cfi"]; row$deltaRmsea <- cf@fit.diff[i - 1, "rmsea"]
  }
  row
})
dir.create("mg_hs_invariance", showWarnings = FALSE)
writeLines(hs_model, file.path("mg_hs_invariance", "model.lav"))
write.csv(hs, file.path("mg_hs_invariance", "input.csv"), row.names = FALSE)
out <- list(source = source_tag,
            call = paste0('lavTestLRT(configural, metric, scalar, strict); compareFit(configural = configural, metric = metric, ',
                          'scalar = scalar, strict = strict) with group.equal loadings; + intercepts; + residuals'),
            nobs = nrow(hs), options = list(group = "school"),
            expected = list(steps = seq_rows), tolerance = tolerance)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path("mg_hs_invariance", "expected.json"))
