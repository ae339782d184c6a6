# Timing reference for bench/linalg.ts: Cholesky, SPD inverse (chol2inv) and symmetric eigen of
# p x p correlation-like matrices, repeated `reps` times per timing; median of 5 timings.
# Prints {"chol_<p>": ms, "inv_<p>": ms, "eigen_<p>": ms, ...} as JSON (ms per `reps` calls).
args <- commandArgs(trailingOnly = TRUE)
sizes <- as.integer(strsplit(args[1], ",")[[1]])
reps <- as.integer(strsplit(args[2], ",")[[1]])
out <- c()
for (k in seq_along(sizes)) {
  p <- sizes[k]; r <- reps[k]
  set.seed(1)
  X <- matrix(rnorm(4 * p * p), 4 * p, p)
  A <- crossprod(X) / (4 * p)
  tm <- function(f) median(sapply(1:5, function(i) { t0 <- proc.time()[["elapsed"]]; for (j in 1:r) f(); (proc.time()[["elapsed"]] - t0) * 1000 }))
  out[sprintf("chol_%d", p)] <- tm(function() chol(A))
  out[sprintf("inv_%d", p)] <- tm(function() chol2inv(chol(A)))
  out[sprintf("eigen_%d", p)] <- tm(function() eigen(A, symmetric = TRUE))
}
cat(paste0("{", paste(sprintf('"%s": %.3f', names(out), out), collapse = ", "), "}\n"))
