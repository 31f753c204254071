# Fixture: plm::pcdtest on EmplUK, log(emp) ~ log(wage) + log(capital), model = 'within', effect = 'twoways'.
# Run from this folder: Rscript generate.R   (R 4.2.2, plm 2.6-2, jsonlite)
source("../pcdtest_common.R")
data("EmplUK", package = "plm")
d <- EmplUK
write.csv(d[, c("firm","year","emp","wage","capital")], "input.csv", row.names = FALSE, quote = FALSE)
f <- log(emp) ~ log(wage) + log(capital)
m <- plm(f, data = d, model = 'within', effect = 'twoways')
tests <- c('cd', 'lm', 'sclm', 'bcsclm')
exp <- pcd_model_expected(m, tests)
write_fixture(".", "pcdtest(plm(log(emp) ~ log(wage) + log(capital), data = EmplUK, model = 'within', effect = 'twoways'), test = t) for t in c('cd', 'lm', 'sclm', 'bcsclm')",
  list(formula = "log(emp) ~ log(wage) + log(capital)", model = "within", effect = "twoways", entity = names(d)[1], time = names(d)[2]), exp)
