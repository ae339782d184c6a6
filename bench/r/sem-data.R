# Writes the simulated data sets the SEM benchmark reads on both sides (run once; committed).
# 7 factors / 25 items / N = 278 (paper 000's measurement model size) and 10 factors / 50 items / N = 500.
set.seed(278)
sim <- function(n, items_per_factor, phi = 0.3) {
  k <- length(items_per_factor)
  Phi <- matrix(phi, k, k); diag(Phi) <- 1
  eta <- MASS::mvrnorm(n, rep(0, k), Phi)
  cols <- list(); j <- 0
  for (f in seq_len(k)) for (i in seq_len(items_per_factor[f])) {
    j <- j + 1
    lam <- runif(1, 0.55, 0.85)
    cols[[paste0("i", j)]] <- round(lam * eta[, f] + rnorm(n, sd = sqrt(1 - lam^2)), 4)
  }
  as.data.frame(cols)
}
write.csv(sim(278, c(4, 4, 4, 4, 3, 3, 3)), "test/goldens/sem-bench-25.csv", row.names = FALSE)
write.csv(sim(500, rep(5, 10)), "test/goldens/sem-bench-50.csv", row.names = FALSE)
