# Timing reference for bench/power.ts: 1,000 replications of a simple mediation (a = b = .3,
# c' = 0, N = 200), each tested by a Monte Carlo CI with 5,000 draws, in plain R (lm + rnorm).
# Prints {"ms": <elapsed>, "power": <estimate>} as JSON.
set.seed(1)
t0 <- proc.time()[["elapsed"]]
R <- 1000; D <- 5000; a <- .3; b <- .3; N <- 200
sig <- replicate(R, {
  x <- rnorm(N); m <- a * x + sqrt(1 - a^2) * rnorm(N); y <- b * m + sqrt(1 - b^2) * rnorm(N)
  fa <- summary(lm(m ~ x))$coefficients; fb <- summary(lm(y ~ x + m))$coefficients
  ab <- rnorm(D, fa[2, 1], fa[2, 2]) * rnorm(D, fb[3, 1], fb[3, 2])
  q <- quantile(ab, c(.025, .975)); q[1] > 0 || q[2] < 0 })
ms <- (proc.time()[["elapsed"]] - t0) * 1000
cat(sprintf('{"ms": %.1f, "power": %.4f}\n', ms, mean(sig)))
