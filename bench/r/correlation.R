# Timing reference for bench/correlation.ts: a 100-variable correlation matrix with two-sided
# p values (t test on n - 2 df) on 10,000 rows, plus means and SDs; median of 5 runs.
# Prints {"ms": <median core ms>, "table_ms": <median with means/SDs>} as JSON.
set.seed(1)
n <- 10000; p <- 100
X <- matrix(rnorm(n * p), n, p)
X <- X + 0.3 * rnorm(n)  # a common factor, so correlations are not all near zero
core <- numeric(5); tab <- numeric(5)
for (k in 1:5) {
  t0 <- proc.time()[["elapsed"]]
  r <- cor(X)
  t <- r * sqrt((n - 2) / (1 - r^2))
  pv <- 2 * pt(-abs(t), n - 2)
  core[k] <- (proc.time()[["elapsed"]] - t0) * 1000
  t0 <- proc.time()[["elapsed"]]
  m <- colMeans(X); s <- apply(X, 2, sd)
  r <- cor(X)
  t <- r * sqrt((n - 2) / (1 - r^2))
  pv <- 2 * pt(-abs(t), n - 2)
  tab[k] <- (proc.time()[["elapsed"]] - t0) * 1000
}
cat(sprintf('{"ms": %.2f, "table_ms": %.2f}\n', median(core), median(tab)))
