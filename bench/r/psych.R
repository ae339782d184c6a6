# Timing reference for bench/psych.ts (psych 2.2.9 + GPArotation). Reads the data bench/psych.ts
# wrote (argument 1) and psych's bfi; prints one JSON line with median times (ms) and results.
suppressPackageStartupMessages({ library(psych); library(GPArotation); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
X <- as.matrix(read.csv(args[1]))
bfi <- read.csv("notebooks/data/bfi.csv")[, 1:25]
ms <- function(expr) system.time(expr)[["elapsed"]] * 1000
invisible(fa(X, nfactors = 10, rotate = "oblimin"))  # load GPArotation, warm up
t_fa <- numeric(5); for (r in 1:5) t_fa[r] <- ms(f <- fa(X, nfactors = 10, rotate = "oblimin"))
set.seed(1)
t_par <- ms(pa <- suppressWarnings(fa.parallel(X, n.iter = 100, plot = FALSE)))
t_bfi <- numeric(5); for (r in 1:5) t_bfi[r] <- ms(g <- fa(bfi, nfactors = 5))
t_bpar <- numeric(5); for (r in 1:5) t_bpar[r] <- ms(invisible(capture.output(suppressWarnings(fa.parallel(bfi, n.iter = 20, plot = FALSE)))))
cat(toJSON(list(fa_ms = median(t_fa), fa_h2 = unname(f$communality), par_ms = t_par, par_nfact = pa$nfact, par_ncomp = pa$ncomp,
                bfi_fa_ms = median(t_bfi), bfi_fa_h2 = unname(g$communality), bfi_par_ms = median(t_bpar)), auto_unbox = TRUE, digits = I(10)), "\n")
