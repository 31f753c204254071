# Fixture: plm::pcdtest on Produc, log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp, model = 'within'.
# Run from this folder: Rscript generate.R   (R 4.2.2, plm 2.6-2, jsonlite)
source("../pcdtest_common.R")
data("Produc", package = "plm")
d <- Produc
write.csv(d[, c("state","year","gsp","pcap","pc","emp","unemp")], "input.csv", row.names = FALSE, quote = FALSE)
f <- log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp
m <- plm(f, data = d, model = 'within')
tests <- c('cd', 'lm', 'sclm', 'bcsclm')
exp <- pcd_model_expected(m, tests)
write_fixture(".", "pcdtest(plm(log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp, data = Produc, model = 'within'), test = t) for t in c('cd', 'lm', 'sclm', 'bcsclm')",
  list(formula = "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp", model = "within", effect = "individual", entity = names(d)[1], time = names(d)[2]), exp)
