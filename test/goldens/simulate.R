# Goldens for src/simulate: Matrix::nearPD(corr = TRUE), the exact-moment property of
# MASS::mvrnorm(empirical = TRUE), and the implied item covariance matrices of simulateItems
# computed independently by matrix algebra. Run: Rscript test/goldens/simulate.R
suppressPackageStartupMessages({ library(MASS); library(Matrix); library(jsonlite) })
out <- list(versions = list(R = R.version.string, MASS = as.character(packageVersion("MASS")),
                            Matrix = as.character(packageVersion("Matrix"))))

# --- nearPD ---------------------------------------------------------------------------------
near <- function(R) {
  np <- nearPD(R, corr = TRUE)
  list(input = unname(R), mat = unname(as.matrix(np$mat)), normF = np$normF,
       iterations = np$iterations, converged = np$converged,
       minEigenBefore = min(eigen(R, symmetric = TRUE)$values),
       minEigenAfter = min(eigen(as.matrix(np$mat), symmetric = TRUE)$values))
}
R3 <- matrix(c(1, .9, .2, .9, 1, .9, .2, .9, 1), 3)
# A "published" table whose rounding/typo made it indefinite.
R6 <- matrix(c(
  1.00, 0.62, 0.55, 0.48, 0.20, 0.72,
  0.62, 1.00, 0.81, 0.10, 0.35, 0.60,
  0.55, 0.81, 1.00, 0.71, 0.05, 0.15,
  0.48, 0.10, 0.71, 1.00, 0.66, 0.40,
  0.20, 0.35, 0.05, 0.66, 1.00, 0.58,
  0.72, 0.60, 0.15, 0.40, 0.58, 1.00), 6)
set.seed(20240501)
p <- 10
A <- matrix(runif(p * p, -1, 1), p)
# A valid correlation matrix pushed away from zero by .25 (capped at ±.99): indefinite.
R10 <- cov2cor(crossprod(A))
R10 <- round(pmin(pmax(R10 + 0.25 * sign(R10) * (abs(R10) < 0.75), -0.99), 0.99), 2)
diag(R10) <- 1
stopifnot(min(eigen(R6)$values) < 0, min(eigen(R10)$values) < 0)
out$nearPD <- list(r3 = near(R3), r6 = near(R6), r10 = near(R10))

# nearPD's own defaults (corr = FALSE) and its other arguments (QA report item 4)
nearArgs <- function(x, ...) {
  np <- nearPD(x, ...)
  list(input = unname(x), mat = unname(as.matrix(np$mat)), normF = np$normF, iterations = np$iterations,
       converged = np$converged, eigenvalues = unname(np$eigenvalues), relTol = np$rel.tol)
}
C3 <- matrix(c(4, 3.8, 1, 3.8, 4, 3.8, 1, 3.8, 4), 3)            # an indefinite covariance matrix
R6a <- R6; R6a[1, 2] <- 0.64                                     # asymmetric: nearPD symmetrises
out$nearPDargs <- list(
  r6_default = nearArgs(R6), r10_default = nearArgs(R10), c3_default = nearArgs(C3),
  c3_corr = nearArgs(C3, corr = TRUE), c3_keepDiag = nearArgs(C3, keepDiag = TRUE),
  r6_no2eigen = nearArgs(R6, corr = TRUE, do2eigen = FALSE), r6_noDykstra = nearArgs(R6, doDykstra = FALSE),
  r6_doSym = nearArgs(R6, corr = TRUE, doSym = TRUE), r10_normF = nearArgs(R10, conv.norm.type = "F"),
  r10_eigtol = nearArgs(R10, corr = TRUE, eig.tol = 1e-3, posd.tol = 1e-5), r6_asym = nearArgs(R6a, corr = TRUE),
  r10_maxit = suppressWarnings(nearArgs(R10, corr = TRUE, maxit = 3)), c3_base = nearArgs(C3, base.matrix = TRUE, keepDiag = TRUE))

# --- mvrnorm(empirical = TRUE): the moment property ------------------------------------------
mu <- c(5.2, 4.1, 3.3, 6.0)
S <- matrix(c(1.21, 0.40, 0.30, 0.25,
              0.40, 1.44, 0.50, 0.35,
              0.30, 0.50, 0.81, 0.20,
              0.25, 0.35, 0.20, 1.00), 4)
set.seed(7)
X <- mvrnorm(50, mu, S, empirical = TRUE)
out$mvrnorm <- list(n = 50, means = mu, cov = unname(S),
                    achievedMeans = unname(colMeans(X)), achievedCov = unname(cov(X)),
                    maxAbsCovError = max(abs(cov(X) - S)), maxAbsMeanError = max(abs(colMeans(X) - mu)))

# --- implied item covariance of simulateItems (independent matrix algebra) ---------------------
lam <- list(c(.77, .88, .72), c(.79, .77, .70), c(.92, .90, .90, .89, .91))
sdT <- c(1.1, 1.3, 1.4)
Rc <- matrix(c(1, .45, .30, .45, 1, .35, .30, .35, 1), 3)
m <- sapply(lam, length); p <- sum(m)
blk <- rep(seq_along(lam), m)
W <- sapply(seq_along(lam), function(k) (blk == k) / m[k])          # p x K composite weights
L <- sapply(seq_along(lam), function(k) ifelse(blk == k, unlist(lam), 0))  # p x K loadings
Theta <- diag(1 - unlist(lam)^2)
# Items with unit SDs first; scale each block so the composite SD is sdT.
v1 <- sapply(  # composite variances of unit-SD items
  seq_along(lam), function(k) { Sk <- (L %*% t(L) + Theta)[blk == k, blk == k]; sum(Sk) / m[k]^2 })
f <- sdT / sqrt(v1)
D <- diag(f[blk])
a <- colSums(D %*% L * W)                                           # a_k = w' D lambda
v <- sdT^2
omega <- a^2 / v
Phi <- Rc / sqrt(outer(omega, omega)); diag(Phi) <- 1
Sfactor <- D %*% (L %*% Phi %*% t(L) + Theta) %*% D
stopifnot(max(abs(t(W) %*% Sfactor %*% W - diag(sdT) %*% Rc %*% diag(sdT))) < 1e-12)
# Conditional method: S_kl = b_k V_kl b_l', b_k = S_kk w_k / v_k.
V <- diag(sdT) %*% Rc %*% diag(sdT)
Swithin <- D %*% (L %*% t(L) + Theta) %*% D * outer(blk, blk, "==")
B <- sapply(seq_along(lam), function(k) (Swithin %*% W[, k]) / v[k])
Scond <- B %*% V %*% t(B) * outer(blk, blk, "!=") + Swithin
stopifnot(max(abs(t(W) %*% Scond %*% W - V)) < 1e-12)
out$items <- list(loadings = lam, sds = sdT, cor = unname(Rc), omega = omega, phi = unname(Phi),
                  itemCovFactor = unname(Sfactor), itemCovConditional = unname(Scond))

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), "test/goldens/simulate.json")
cat("wrote test/goldens/simulate.json\n")
