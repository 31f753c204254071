# Fixture: plm::pcce (CCE mean group and CCE pooled) on Produc, coefficients and plm's standard errors,
# and pcdtest (cd) on the CCE residuals M_H (y_i - X_i b).
# Run from this folder: Rscript generate.R   (R 4.2.2, plm 2.6-2, jsonlite)
source("../pcdtest_common.R")
data("Produc", package = "plm")
d <- Produc
write.csv(d[, c("state", "year", "gsp", "pcap", "pc", "emp", "unemp")], "input.csv", row.names = FALSE, quote = FALSE)
f <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp
exp <- list()
for (mod in c("mg", "p")) {
  m <- pcce(f, data = d, model = mod)
  r <- pcdtest(m)
  exp[[mod]] <- list(coefficients = coef_table(m), cd = list(statistic = unname(r$statistic), pValue = unname(r$p.value)))
}
# Independent transcription with orthogonal (QR) projections: plm solves normal equations with ginv(), which
# loses about 1e-7 relative here (kappa(H) is about 9e3), so the coefficients are also checked against this at 1e-8.
dd <- d[order(d$state, d$year), ]
units <- split(dd, dd$state)
Xall <- cbind(log(dd$pcap), log(dd$pc), log(dd$emp), dd$unemp)
H <- cbind(tapply(log(dd$gsp), dd$year, mean), apply(Xall, 2, function(v) tapply(v, dd$year, mean)), 1)
Q <- qr.Q(qr(H))
parts <- lapply(units, function(u) {
  X <- cbind(log(u$pcap), log(u$pc), log(u$emp), u$unemp); y <- log(u$gsp)
  list(MX = X - Q %*% crossprod(Q, X), My = y - Q %*% crossprod(Q, y)) })
bi <- sapply(parts, function(p) qr.solve(p$MX, p$My))
MXs <- do.call(rbind, lapply(parts, `[[`, "MX")); Mys <- unlist(lapply(parts, `[[`, "My"))
nm <- c("log(pcap)", "log(pc)", "log(emp)", "unemp")
exp$qr <- list(mg = as.list(setNames(rowMeans(bi), nm)), p = as.list(setNames(qr.solve(MXs, Mys), nm)))
exp$n <- 48; exp$t <- 17; exp$nobs <- 816
write_fixture(".", "pcce(log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp, data = Produc, model = m) for m in c('mg','p'); pcdtest(model)",
  list(formula = "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp", entity = "state", time = "year"), exp,
  tolerance = list(statistic = 1e-6, pValue = 1e-6, coefficients = 1e-6, qr = 1e-8))
