# Timing reference for bench/process.ts: PROCESS-style bootstrap in R with boot::boot + lm, the way
# it is usually done by hand. To keep the bench short, R runs B = 500 resamples; bench/process.ts
# scales the time linearly to 5000 (the per-resample cost is constant). Median of 3 runs each.
# Prints {"B": 500, "m4_ms": …, "m7_ms": …, "m14_ms": …} as JSON.
suppressPackageStartupMessages(library(boot))
set.seed(1)
n <- 278
d <- data.frame(x = rnorm(n), w = rnorm(n), matrix(rnorm(n * 6), n, 6, dimnames = list(NULL, paste0("c", 1:6))))
d$m <- 0.4 * d$x + 0.2 * d$x * d$w + rnorm(n)
d$y <- 0.3 * d$m + 0.2 * d$x + 0.1 * d$m * d$w + rnorm(n)
B <- 500
covs <- paste(paste0("c", 1:6), collapse = " + ")
f4m <- as.formula(paste("m ~ x +", covs)); f4y <- as.formula(paste("y ~ x + m +", covs))
f7m <- as.formula(paste("m ~ x * w +", covs)); f14y <- as.formula(paste("y ~ x + m * w +", covs))
s4 <- function(dd, i) { dd <- dd[i, ]; coef(lm(f4m, dd))[["x"]] * coef(lm(f4y, dd))[["m"]] }
s7 <- function(dd, i) { dd <- dd[i, ]; a <- coef(lm(f7m, dd)); b <- coef(lm(f4y, dd))[["m"]]
  c((a[["x"]] + a[["x:w"]] * c(-1, 0, 1)) * b, a[["x:w"]] * b) }
s14 <- function(dd, i) { dd <- dd[i, ]; a <- coef(lm(f4m, dd))[["x"]]; b <- coef(lm(f14y, dd))
  c(a * (b[["m"]] + b[["m:w"]] * c(-1, 0, 1)), a * b[["m:w"]]) }
tm <- function(f) median(sapply(1:3, function(k) { t0 <- proc.time()[["elapsed"]]
  bt <- boot(d, f, R = B); for (j in seq_len(ncol(bt$t))) boot.ci(bt, type = "perc", index = j)
  (proc.time()[["elapsed"]] - t0) * 1000 }))
cat(sprintf('{"B": %d, "m4_ms": %.1f, "m7_ms": %.1f, "m14_ms": %.1f}\n', B, tm(s4), tm(s7), tm(s14)))
