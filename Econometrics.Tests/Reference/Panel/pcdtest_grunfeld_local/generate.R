# Fixture: plm::pcdtest local CD over a neighbour matrix (the help page's example), within model on Grunfeld.
# Run from this folder: Rscript generate.R   (R 4.2.2, plm 2.6-2, jsonlite)
source("../pcdtest_common.R")
data("Grunfeld", package = "plm")
d <- Grunfeld
write.csv(d[, c("firm", "year", "inv", "value", "capital")], "input.csv", row.names = FALSE, quote = FALSE)
w <- matrix(0, ncol = 10, nrow = 10)
w[2, 1] <- w[3, 2] <- w[4, 2] <- w[5, 2] <- 1
m <- plm(inv ~ value + capital, data = d, model = "within")
r <- pcdtest(m, w = w)
write.csv(w, "neighbours.csv", row.names = FALSE)
exp <- list(localcd = list(statistic = unname(r$statistic), pValue = unname(r$p.value)), n = 10, t = 20, pairs = 4)
write_fixture(".", "pcdtest(plm(inv ~ value + capital, data = Grunfeld, model = 'within'), w = w), w[2,1]=w[3,2]=w[4,2]=w[5,2]=1",
  list(formula = "inv ~ value + capital", model = "within", effect = "individual", entity = "firm", time = "year", neighbours = "neighbours.csv"), exp)
