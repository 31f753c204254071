# R peer for bench/panel: one-way fixed effects with unit-clustered standard errors (Arellano 1987 with Stata's
# small-sample scaling), the computation `econ panel fit --model fe --vcov cluster` does (R 4.2.2, plm 2.6-2).
suppressPackageStartupMessages({ library(plm); library(sandwich) })
fe_cluster_setup <- function(path) {
  d <- read.csv(path)
  pdata.frame(d, index = c("id", "time"))
}
fe_cluster <- function(pd) {
  m <- plm(y ~ x1 + x2 + x3 + x4 + x5, data = pd, model = "within")
  v <- vcovHC(m, method = "arellano", type = "sss", cluster = "group")
  cbind(coef(m), sqrt(diag(v)))
}
