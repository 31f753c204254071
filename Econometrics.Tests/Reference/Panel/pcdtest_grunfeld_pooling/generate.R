# Fixture: plm::pcdtest on Grunfeld, inv ~ value + capital, model = 'pooling'.
# Run from this folder: Rscript generate.R   (R 4.2.2, plm 2.6-2, jsonlite)
source("../pcdtest_common.R")
data("Grunfeld", package = "plm")
d <- Grunfeld
write.csv(d[, c("firm","year","inv","value","capital")], "input.csv", row.names = FALSE, quote = FALSE)
f <- inv ~ value + capital
m <- plm(f, data = d, model = 'pooling')
tests <- c('cd', 'lm', 'sclm')
exp <- pcd_model_expected(m, tests)
write_fixture(".", "pcdtest(plm(inv ~ value + capital, data = Grunfeld, model = 'pooling'), test = t) for t in c('cd', 'lm', 'sclm')",
  list(formula = "inv ~ value + capital", model = "pooling", effect = "individual", entity = names(d)[1], time = names(d)[2]), exp)
