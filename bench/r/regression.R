# Times R's OLS with HC3 standard errors on 1,000,000 rows x 10 predictors (the same shape as
# bench/regression.ts): only lm() + sandwich::vcovHC(type = "HC3") are timed. Prints JSON.
suppressMessages(library(sandwich))
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args)) as.integer(args[1]) else 3L
n <- 1e6; k <- 10
set.seed(1)
X <- matrix(rnorm(n * k), n, k)
colnames(X) <- paste0("x", 1:k)
y <- drop(X %*% (0.1 * (1:k))) + rnorm(n) * (1 + abs(X[, 1]))
d <- data.frame(y = y, X)
f <- reformulate(colnames(X), "y")
times <- numeric(reps)
for (r in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]
  m <- lm(f, data = d)
  v <- vcovHC(m, type = "HC3")
  times[r] <- (proc.time()[["elapsed"]] - t0) * 1000
}
cat(sprintf('{"name":"ols_hc3_1e6x10","r_ms":%.1f,"runs":[%s],"se1":%.10g}\n', median(times), paste(sprintf("%.1f", times), collapse = ","), sqrt(v[2, 2])))
