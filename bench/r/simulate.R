# R side of bench/simulate.ts: MASS::mvrnorm(empirical = TRUE), n x p draws, median of 5 runs.
suppressMessages(library(MASS))
args <- commandArgs(trailingOnly = TRUE)
n <- as.integer(args[1]); p <- as.integer(args[2])
S <- 0.3 + diag(0.7, p)
invisible(mvrnorm(1000, rep(0, p), S, empirical = TRUE))
times <- replicate(5, system.time(mvrnorm(n, rep(0, p), S, empirical = TRUE))[["elapsed"]] * 1000)
cat(jsonlite::toJSON(list(ms = median(times)), auto_unbox = TRUE), "\n")
