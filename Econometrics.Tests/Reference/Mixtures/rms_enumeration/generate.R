# The nlpsem 0.4 precomputed enumeration fits on RMS_dat (ECLS-K:2011 mathematics, N = 500, 9 waves, bilinear
# spline with fixed knots, no covariates). nlpsem ships them in inst/extdata/getMIX_examples.RData; this script
# prints their -2LL, parameter counts and BIC. It needs the nlpsem sources (GitHub Veronica0206/nlpsem, GPL >= 3).
# R 4.2.2, OpenMx 2.21.1.  Usage: Rscript generate.R path/to/nlpsem
library(OpenMx); library(jsonlite)
src <- commandArgs(trailingOnly = TRUE)[1]
load(file.path(src, "inst", "extdata", "getMIX_examples.RData"))
fits <- mget(ls(pattern = "BLS"))          # the 1-, 2- and 3-class BLS fits (object names as shipped)
for (nm in names(fits)) {
  m <- fits[[nm]]@mxOutput
  cat(sprintf("%s: -2LL %.4f, %d parameters, BIC %.3f\n", nm, m$output$minimum, length(omxGetParameters(m)),
              m$output$minimum + length(omxGetParameters(m)) * log(500)))
}
