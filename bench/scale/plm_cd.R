# The R side of the end-to-end comparison: read the long CSV, build the panel, Pesaran's CD (plm::pcdtest).
# Usage: Rscript --vanilla plm_cd.R FILE.csv   (columns entity, time, y as written by make_panel.py)
suppressPackageStartupMessages(library(plm))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
px <- pdata.frame(d, index = c("entity", "time"))
print(pcdtest(px$y, test = "cd"))
