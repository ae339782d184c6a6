# Golden values for src/power (run: Rscript test/goldens/power.R from the repo root).
# 1. Distribution functions used by the analytic power (pbeta, qf, noncentral pf).
# 2. OLS coefficients/SEs on a fixed small data set (the simulation's inner regression).
# 3. Independent Monte Carlo power estimates computed here with lm(), to compare with pathlab's
#    engine within Monte Carlo error (different random streams, so only statistical agreement).
library(jsonlite)
out <- list()
bet <- expand.grid(x = c(0.05, 0.3, 0.5, 0.77, 0.99), a = c(0.5, 2, 10.5), b = c(0.5, 3, 60))
bet$p <- pbeta(bet$x, bet$a, bet$b)
out$pbeta <- bet
qq <- expand.grid(alpha = c(0.05, 0.01), df1 = c(1, 3), df2 = c(10, 96, 500))
qq$q <- qf(1 - qq$alpha, qq$df1, qq$df2)
out$qf <- qq
nc <- data.frame(f = c(3.9, 3.9, 2.4, 6.63, 1.2, 3.84), df1 = c(1, 1, 3, 1, 4, 1),
                 df2 = c(96, 300, 60, 148, 20, 1000), ncp = c(0, 5.3, 12, 14.8, 40, 0.5))
nc$p <- pf(nc$f, nc$df1, nc$df2, ncp = nc$ncp, lower.tail = FALSE)
out$pf_nc <- nc
# Analytic regression power (fixed predictors, lambda = f2 * N), as G*Power computes it.
rp <- data.frame(f2 = c(0.02, 0.15, 0.0989, 0.35), n = c(395, 55, 150, 30), k = c(1, 3, 1, 5), u = c(1, 1, 1, 2))
rp$power <- mapply(function(f2, n, k, u) { v <- n - k - 1; pf(qf(0.95, u, v), u, v, ncp = f2 * n, lower.tail = FALSE) }, rp$f2, rp$n, rp$k, rp$u)
out$regression_power <- rp

set.seed(20240601)
n <- 40
x1 <- rnorm(n); x2 <- 0.4 * x1 + rnorm(n); y <- 0.5 + 0.3 * x1 - 0.2 * x2 + rnorm(n)
fit <- lm(y ~ x1 + x2)
out$ols <- list(x1 = x1, x2 = x2, y = y, coef = unname(coef(fit)),
                se = unname(sqrt(diag(vcov(fit)))), sigma2 = summary(fit)$sigma^2)

# Moderation: t test of b3 in y ~ x * w, b1 = b2 = .2, b3 = .15, N = 200.
set.seed(1); R <- 4000; b1 <- .2; b2 <- .2; b3 <- .15; N <- 200
sdE <- sqrt(1 - (b1^2 + b2^2 + b3^2))
sig <- replicate(R, { x <- rnorm(N); w <- rnorm(N); yy <- b1*x + b2*w + b3*x*w + sdE*rnorm(N)
  summary(lm(yy ~ x * w))$coefficients[4, 4] < .05 })
out$moderation_mc <- list(b1 = b1, b2 = b2, b3 = b3, n = N, reps = R, power = mean(sig))

# Simple mediation, Monte Carlo CI (Schoemann et al. 2017): a = b = .3, c' = 0, N = 100.
set.seed(2); R <- 2000; D <- 5000; a <- .3; b <- .3; N <- 100
sig <- replicate(R, {
  x <- rnorm(N); m <- a*x + sqrt(1 - a^2)*rnorm(N); yy <- b*m + sqrt(1 - b^2)*rnorm(N)
  fa <- summary(lm(m ~ x))$coefficients; fb <- summary(lm(yy ~ x + m))$coefficients
  ab <- rnorm(D, fa[2, 1], fa[2, 2]) * rnorm(D, fb[3, 1], fb[3, 2])
  q <- quantile(ab, c(.025, .975)); q[1] > 0 || q[2] < 0 })
out$mediation_mc <- list(a = a, b = b, cp = 0, n = N, reps = R, draws = D, power = mean(sig))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), "test/goldens/power.json")
