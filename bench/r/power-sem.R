# Timing reference for bench/power-sem.ts: the plain Monte Carlo loop of test/goldens/power-sem.R
# (MASS::mvrnorm data from the population covariance, lavaan::sem fit, parameterEstimates) for the
# latent mediation model, `reps` replicates at N = 200, repeated `runs` times.
# Prints {"ms": <median elapsed>, "power_ab": <rejection rate of ab>} as JSON on its last line.
suppressMessages({ library(lavaan); library(MASS) })
args <- commandArgs(TRUE)
reps <- if (length(args) > 0) as.integer(args[1]) else 100
runs <- if (length(args) > 1) as.integer(args[2]) else 3
g <- jsonlite::fromJSON("test/goldens/power-sem.json")
Sigma <- g$population_mediation$sigma
dimnames(Sigma) <- list(g$population_mediation$names, g$population_mediation$names)
analysis <- "X =~ x1 + x2 + x3\nM =~ m1 + m2 + m3\nY =~ y1 + y2 + y3\nM ~ a*X\nY ~ b*M + X\nab := a*b"
one <- function(seed) {
  set.seed(seed)
  rej <- logical(0)
  t0 <- proc.time()[["elapsed"]]
  for (r in 1:reps) {
    d <- as.data.frame(mvrnorm(200, rep(0, nrow(Sigma)), Sigma))
    fit <- tryCatch(suppressWarnings(sem(analysis, data = d)), error = function(e) NULL)
    if (is.null(fit) || !lavInspect(fit, "converged")) next
    pe <- parameterEstimates(fit)
    rej <- c(rej, pe$pvalue[pe$op == ":="] < 0.05)
  }
  c(ms = (proc.time()[["elapsed"]] - t0) * 1000, power = mean(rej))
}
res <- sapply(1:runs, one)
cat(sprintf('{"ms": %.1f, "power_ab": %.4f}\n', median(res["ms", ]), mean(res["power", ])))
