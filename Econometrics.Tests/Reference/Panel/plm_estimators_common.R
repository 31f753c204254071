# Shared generator for the plm_estimators_* fixtures: plm's pooled, within (one- and two-way), random (Swamy-Arora)
# and first-difference estimators with every covariance the toolkit offers, computed by plm 2.6 and sandwich-style
# vcov functions of plm itself: vcovHC(method = "white1", type = HC0..HC3), vcovHC(method = "arellano", type = "sss")
# by unit and by time, vcovDC (Cameron-Gelbach-Miller two-way) and vcovSCC (Driscoll-Kraay, Bartlett weights);
# R-squared and adjusted R-squared (plm's summary), the F test, the robust Wald test with unit clustering,
# and Hausman tests (phtest: the chi-squared contrast and the regression-based form with cluster-robust vcov).
suppressPackageStartupMessages({ library(plm); library(jsonlite) })
source("../pcdtest_common.R")

se_of <- function(v) as.list(setNames(sqrt(diag(v)), rownames(v)))

model_expected <- function(f, pd, model, effect = "individual") {
  m <- plm(f, data = pd, model = model, effect = effect)
  sm <- summary(m)
  dk <- vcovSCC(m)
  wald <- pwaldtest(m, test = "F", vcov = function(x) vcovHC(x, method = "arellano", type = "sss", cluster = "group"))
  out <- list(
    coefficients = as.list(coef(m)),
    stdError = list(
      classical = se_of(vcov(m)),
      hc0 = se_of(vcovHC(m, method = "white1", type = "HC0")),
      hc1 = se_of(vcovHC(m, method = "white1", type = "HC1")),
      hc2 = se_of(vcovHC(m, method = "white1", type = "HC2")),
      hc3 = se_of(vcovHC(m, method = "white1", type = "HC3")),
      cluster = se_of(vcovHC(m, method = "arellano", type = "sss", cluster = "group")),
      clusterHC0 = se_of(vcovHC(m, method = "arellano", type = "HC0", cluster = "group")),
      clusterTime = se_of(vcovHC(m, method = "arellano", type = "sss", cluster = "time")),
      twoway = se_of(vcovDC(m)),
      twowaySss = se_of(vcovDC(m, type = "sss")),
      driscollKraay = se_of(dk),
      driscollKraayLag3 = se_of(vcovSCC(m, maxlag = 3))),
    rSquared = unname(sm$r.squared["rsq"]), adjRSquared = unname(sm$r.squared["adjrsq"]),
    fStatistic = unname(sm$fstatistic$statistic),
    fDf = unname(as.numeric(sm$fstatistic$parameter)),
    robustWald = list(statistic = unname(wald$statistic), df = unname(as.numeric(wald$parameter)), pValue = unname(wald$p.value)),
    dfResidual = df.residual(m),
    nObs = pdim(m)$nT$N, nUnits = pdim(m)$nT$n, nPeriods = pdim(m)$nT$T)
  if (model == "random") out$theta <- as.list(unname(m$ercomp$theta))[1:min(3, length(m$ercomp$theta))]
  if (model == "random") out$sigma2 <- as.list(m$ercomp$sigma2)
  if (model == "random") out$thetaAll <- unname(as.numeric(m$ercomp$theta))
  out
}

# f_aux: the same model on precomputed columns (phtest's auxiliary regression cannot parse log() terms).
estimators_expected <- function(f, pd, f_aux = f) {
  fe <- plm(f, data = pd, model = "within"); re <- plm(f, data = pd, model = "random")
  h <- phtest(fe, re)
  aux <- phtest(f_aux, data = pd, method = "aux")
  auxc <- phtest(f_aux, data = pd, method = "aux", vcov = function(x) vcovHC(x, method = "arellano", type = "sss"))
  list(
    hausmanAuxCluster = list(statistic = unname(auxc$statistic), df = unname(auxc$parameter), pValue = auxc$p.value),
    pooled = model_expected(f, pd, "pooling"),
    fe = model_expected(f, pd, "within"),
    twfe = model_expected(f, pd, "within", "twoways"),
    re = model_expected(f, pd, "random"),
    fd = model_expected(f, pd, "fd"),
    hausman = list(statistic = unname(h$statistic), df = unname(h$parameter), pValue = h$p.value),
    hausmanAux = list(statistic = unname(aux$statistic), df = unname(aux$parameter), pValue = aux$p.value))
}
