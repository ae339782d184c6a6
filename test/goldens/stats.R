# Golden values for src/math (formerly src/stats): central distributions (both tails, extreme tails), quantiles, the
# noncentral chi-square CDF and type-7 sample quantiles.
# Run from the repository root:  Rscript test/goldens/stats.R   (writes test/goldens/stats.json)
library(jsonlite)

grid <- function(...) expand.grid(..., KEEP.OUT.ATTRS = FALSE, stringsAsFactors = FALSE)

pn <- grid(x = c(-40, -37.5, -20, -10, -5, -1.96, -0.5, 0, 0.3, 1, 1.96, 5, 8.3, 20), lower = c(TRUE, FALSE))
pn$p <- mapply(function(x, l) pnorm(x, lower.tail = l), pn$x, pn$lower)

ptg <- grid(x = c(-50, -8, -2.1, -0.3, 0.7, 1.5, 3, 12, 300), df = c(1, 2, 3, 5, 10, 30, 100, 1000, 1e5), lower = c(TRUE, FALSE))
ptg$p <- mapply(function(x, d, l) pt(x, d, lower.tail = l), ptg$x, ptg$df, ptg$lower)

pfg <- grid(x = c(0.01, 0.5, 1.1, 3.2, 10, 200, 1e4), df1 = c(1, 2, 5, 20, 500), df2 = c(1, 3, 10, 40, 100, 1000), lower = c(TRUE, FALSE))
pfg$p <- mapply(function(x, a, b, l) pf(x, a, b, lower.tail = l), pfg$x, pfg$df1, pfg$df2, pfg$lower)

pcg <- grid(x = c(1e-4, 0.01, 0.5, 3.84, 10, 50, 200, 1000, 5000), df = c(0.5, 1, 2, 3, 10, 50, 100, 900, 5000), lower = c(TRUE, FALSE))
pcg$p <- mapply(function(x, d, l) pchisq(x, d, lower.tail = l), pcg$x, pcg$df, pcg$lower)

probs <- c(1e-12, 1e-6, 0.001, 0.025, 0.05, 0.3, 0.5, 0.9, 0.95, 0.975, 0.999, 1 - 1e-9)
qn <- grid(p = c(1e-300, 1e-20, probs), lower = c(TRUE, FALSE))
qn$q <- mapply(function(p, l) qnorm(p, lower.tail = l), qn$p, qn$lower)
qtg <- grid(p = probs, df = c(1, 2, 3, 7, 30, 200, 1e4), lower = c(TRUE, FALSE))
qtg$q <- mapply(function(p, d, l) qt(p, d, lower.tail = l), qtg$p, qtg$df, qtg$lower)
qfg <- grid(p = probs, df1 = c(1, 3, 12, 100), df2 = c(2, 10, 60, 1000), lower = c(TRUE, FALSE))
qfg$q <- mapply(function(p, a, b, l) qf(p, a, b, lower.tail = l), qfg$p, qfg$df1, qfg$df2, qfg$lower)
qcg <- grid(p = probs, df = c(0.5, 1, 2, 5, 30, 300, 5000), lower = c(TRUE, FALSE))
qcg$q <- mapply(function(p, d, l) qchisq(p, d, lower.tail = l), qcg$p, qcg$df, qcg$lower)
# R's own CDF at R's quantile, in the smaller tail (target min(p, 1 - p)): where it is far from
# that target, R's quantile is imprecise (e.g. qf with df1 = 1 and tiny p) and the tests check our
# quantile by the round trip through the CDF instead.
small <- function(p, l) if (p <= 0.5) list(p = p, lower = l) else list(p = 1 - p, lower = !l)
qtg$ps_of_q <- mapply(function(q, p, d, l) { s <- small(p, l); pt(q, d, lower.tail = s$lower) }, qtg$q, qtg$p, qtg$df, qtg$lower)
qfg$ps_of_q <- mapply(function(q, p, a, b, l) { s <- small(p, l); pf(q, a, b, lower.tail = s$lower) }, qfg$q, qfg$p, qfg$df1, qfg$df2, qfg$lower)
qcg$ps_of_q <- mapply(function(q, p, d, l) { s <- small(p, l); pchisq(q, d, lower.tail = s$lower) }, qcg$q, qcg$p, qcg$df, qcg$lower)

# Noncentral chi-square. `mixture` is the Poisson mixture summed in R from central pchisq terms;
# where R's pnchisq and the mixture disagree (R documents pnchisq as less accurate in the tails)
# the tests use the mixture.
mixture <- function(x, df, ncp, lower) {
  l <- ncp / 2
  i <- 0:ceiling(l + 60 * sqrt(l) + 400)
  w <- dpois(i, l)
  keep <- w > 0
  sum(w[keep] * pchisq(x, df + 2 * i[keep], lower.tail = lower))
}
ncg <- grid(x = c(0.1, 1, 5, 20, 50, 150, 400, 1200), df = c(1, 2, 5, 10, 50, 100, 300), ncp = c(0.5, 5, 30, 100, 500, 2000), lower = c(TRUE, FALSE))
ncg <- rbind(ncg, data.frame(x = c(200, 200, 12000, 3000, 1e-3), df = c(10, 10, 10000, 2000, 1), ncp = c(5, 5, 1500, 800, 0.5), lower = c(FALSE, TRUE, TRUE, FALSE, TRUE)))
ncg$p <- suppressWarnings(mapply(function(x, d, n, l) pchisq(x, d, ncp = n, lower.tail = l), ncg$x, ncg$df, ncg$ncp, ncg$lower))
ncg$mixture <- mapply(mixture, ncg$x, ncg$df, ncg$ncp, ncg$lower)

# ncp solving P(X <= x; df, ncp) = p (RMSEA-interval style inversions)
ncpinv <- data.frame(x = c(150, 150, 85.3, 400, 1500, 60), df = c(100, 100, 24, 300, 300, 50), p = c(0.05, 0.95, 0.95, 0.05, 0.05, 0.95))
ncpinv$ncp <- mapply(function(x, d, p) {
  if (pchisq(x, d) < p) return(0)
  uniroot(function(l) pchisq(x, d, ncp = l) - p, c(0, 10 * x + 100), tol = 1e-13)$root
}, ncpinv$x, ncpinv$df, ncpinv$p)

set.seed(20240501)
qx <- list(rnorm(37), c(3, 1, 4, 1, 5, 9, 2, 6), rexp(1000))
qprobs <- c(0, 0.01, 0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975, 0.99, 1)
quant <- lapply(qx, function(v) list(x = v, probs = qprobs, q7 = unname(quantile(v, qprobs, type = 7)), q6 = unname(quantile(v, qprobs, type = 6))))

# extreme tails of qt (QA report item 11d): p down to 1e-300, df 1 (Cauchy), 2, 3, 30
qtx <- expand.grid(p = c(1e-300, 1e-100, 1e-20), df = c(1, 2, 3, 30))
qtx$lower <- mapply(function(p, d) qt(p, d), qtx$p, qtx$df)
qtx$upper <- mapply(function(p, d) qt(p, d, lower.tail = FALSE), qtx$p, qtx$df)

out <- list(pnorm = pn, pt = ptg, pf = pfg, pchisq = pcg, qnorm = qn, qt = qtg, qf = qfg, qchisq = qcg,
            pchisq_ncp = ncg, ncp_inverse = ncpinv, quantile = quant, qt_extreme = qtx, R = R.version.string)
writeLines(toJSON(out, digits = NA, dataframe = "rows", auto_unbox = TRUE), "test/goldens/stats.json")
