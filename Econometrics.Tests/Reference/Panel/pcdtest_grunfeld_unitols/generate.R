# Fixture: plm::pcdtest(inv ~ value + capital, data = Grunfeld) with model = NULL (per-firm OLS with intercept,
# Pesaran 2004's original residuals), plus the Pesaran-Ullah-Yamagata (2008) LM_adj, which plm lacks, from an
# independent naive transcription (explicit T x T annihilators M_i, a loop over pairs).
# Run from this folder: Rscript generate.R   (R 4.2.2, plm 2.6-2, jsonlite)
source("../pcdtest_common.R")
data("Grunfeld", package = "plm")
d <- Grunfeld
write.csv(d[, c("firm", "year", "inv", "value", "capital")], "input.csv", row.names = FALSE, quote = FALSE)
exp <- pcd_all(inv ~ value + capital, c("cd", "lm", "sclm"), data = d)

units <- split(d, d$firm)
T <- 20; k <- 3
Ms <- lapply(units, function(u) { X <- cbind(1, u$value, u$capital); diag(T) - X %*% solve(crossprod(X), t(X)) })
E <- sapply(seq_along(units), function(i) Ms[[i]] %*% units[[i]]$inv)
R <- cor(E)
a2 <- 3 * (((T - k - 8) * (T - k + 2) + 24) / ((T - k + 2) * (T - k - 2) * (T - k - 4)))^2
a1 <- a2 - 1 / (T - k)^2
s <- 0; N <- length(units)
for (i in 1:(N - 1)) for (j in (i + 1):N) {
  MM <- Ms[[i]] %*% Ms[[j]]
  tr1 <- sum(diag(MM)); tr2 <- sum(diag(MM %*% MM))
  mu <- tr1 / (T - k); v <- sqrt(tr1^2 * a1 + 2 * tr2 * a2)
  s <- s + ((T - k) * R[i, j]^2 - mu) / v
}
lmadj <- sqrt(2 / (N * (N - 1))) * s
exp$lmadj <- list(statistic = lmadj, pValue = 2 * pnorm(abs(lmadj), lower.tail = FALSE))
exp$n <- N; exp$t <- T; exp$nobs <- nrow(d)
write_fixture(".", "pcdtest(inv ~ value + capital, data = Grunfeld, test = t) for t in c('cd','lm','sclm'); LM_adj by naive PUY (2008) transcription",
  list(formula = "inv ~ value + capital", model = "unitols", effect = "individual", entity = "firm", time = "year"), exp)
