# Fixture: plm::pcdtest on a raw variable (pseries): Grunfeld's market value.
# Run from this folder: Rscript generate.R   (R 4.2.2, plm 2.6-2, jsonlite)
source("../pcdtest_common.R")
data("Grunfeld", package = "plm")
d <- Grunfeld
write.csv(d[, c("firm", "year", "value")], "input.csv", row.names = FALSE, quote = FALSE)
v <- pdata.frame(d)$value
exp <- pcd_all(v, c("cd", "lm", "sclm"))
exp$rho <- unname(pcdtest(v, test = "rho")$statistic)
exp$absrho <- unname(pcdtest(v, test = "absrho")$statistic)
exp$n <- 10; exp$t <- 20; exp$nobs <- 200
write_fixture(".", "pcdtest(pdata.frame(Grunfeld)$value, test = t) for t in c('cd','lm','sclm')",
  list(variable = "value", model = "raw", entity = "firm", time = "year"), exp)
