# Golden values for fa()'s iterative estimators where psych's optim stops short of the minimum
# (QA regression report, Nov 2026: Boston/swiss minres, HS9 wls/gls, ML 4 factors).
# Run from the repository root:   Rscript test/goldens/psych-fa3.R   -> test/goldens/psych-fa3.json
# psych 2.2.9 + GPArotation 2022.10-2, MASS, lavaan 0.6-14 (Debian R 4.2.2).
# Data: MASS::Boston (10 variables) -> psych-fa3-boston.csv, datasets::swiss -> psych-fa3-swiss.csv,
# lavaan::HolzingerSwineford1939 x1-x9 -> sem-hs.csv (already committed). The script reads the CSVs
# back, so R and the tests see the same numbers.
#
# psych runs optim(L-BFGS-B, factr 1e7, parscale 0.01) once and reports where it stops; for minres/uls
# the gradient it passes is that of uls, for wls/gls that of ML, so it stops short of the minimum of
# its own criterion (fit.residuals). For every case this file records
#   psych:   psych's fa() output, its psi (= optim's par = 1 - communalities) and psych's criterion there;
#   minimum: R's nlminb (PORT, bounds 0.005 .. max(1, smc)) restarted from psych's psi until it stops
#            moving, minimising psych's criterion with numerical gradients (no pathlab code involved):
#            its psi, criterion, unrotated loadings (psych's FAout.wls / FAout), uniquenesses and,
#            for oblimin, GPArotation::oblimin of those loadings (psych's own rotation call).
#            For minres the criterion minimised is uls: psych passes the uls gradient (FAgr.minres) with
#            the off-diagonal criterion, so its run heads for the uls minimum (the same point unless a
#            psi is at the bound); "minimum$criterion" is the off-diagonal criterion there, and
#            "minresMinimum" the off-diagonal criterion's own minimum (lower when a bound is active).
# ML 4 factors: psych's point is a genuine local minimum; "minimum" is then the lowest of nlminb runs
# from psych's start and 20 seeded random starts.
suppressMessages({ library(jsonlite); library(psych); library(GPArotation); library(MASS); library(lavaan) })

bos_vars <- c("crim", "indus", "nox", "rm", "age", "dis", "tax", "ptratio", "lstat", "medv")
write.csv(Boston[, bos_vars], "test/goldens/psych-fa3-boston.csv", row.names = FALSE)
write.csv(swiss, "test/goldens/psych-fa3-swiss.csv", row.names = FALSE)
D <- list(Boston = read.csv("test/goldens/psych-fa3-boston.csv"), swiss = read.csv("test/goldens/psych-fa3-swiss.csv"),
          HS9 = read.csv("test/goldens/sem-hs.csv")[, paste0("x", 1:9)])

top <- function(A, nf) { e <- eigen(A, symmetric = TRUE); e$vectors[, 1:nf, drop = FALSE] %*% diag(sqrt(pmax(e$values[1:nf], 0)), nf) }
# psych's fit.residuals (minres: lower triangle; wls/gls: full matrix) and FAfn (ml), from their formulas
crit <- function(psi, R, nf, fm) {
  if (fm == "ml") { sc <- diag(1 / sqrt(psi)); e <- eigen(sc %*% R %*% sc, symmetric = TRUE, only.values = TRUE)$values[-(1:nf)]; return(sum(e - log(e) - 1)) }
  A <- R; diag(A) <- 1 - psi; L <- top(A, nf); E <- A - L %*% t(L); Ri <- if (fm %in% c("wls", "gls")) solve(R) else NULL
  switch(fm, minres = sum(E[lower.tri(E)]^2), uls = sum(E^2),
         wls = { w <- 1 / diag(Ri); sum(outer(w, w) * E^2) }, gls = sum((Ri %*% E)^2))
}
loadings_at <- function(psi, R, nf, fm) {
  if (fm == "ml") { s <- sqrt(psi); return(diag(s) %*% top(diag(1 / s) %*% R %*% diag(1 / s), nf) %*% diag(0, nf) + {
    e <- eigen(diag(1 / s) %*% R %*% diag(1 / s), symmetric = TRUE); diag(s) %*% e$vectors[, 1:nf, drop = FALSE] %*% diag(sqrt(pmax(e$values[1:nf] - 1, 0)), nf) }) }
  A <- R; diag(A) <- diag(A) - psi; top(A, nf)
}
um <- function(m) { m <- as.matrix(unclass(m)); dimnames(m) <- NULL; m }
polish <- function(x, f, upper) {
  for (i in 1:20) { r <- nlminb(x, f, lower = 0.005, upper = upper, control = list(rel.tol = 1e-15, x.tol = 1e-12, eval.max = 5000, iter.max = 3000))
    if (max(abs(r$par - x)) < 1e-10) break; x <- r$par }
  r
}
gold <- function(d, nf, fm, rotate = "none", random = 0) {
  x <- D[[d]]; R <- cor(x); p <- ncol(R); upper <- max(1, smc(R))
  f <- suppressWarnings(suppressMessages(fa(x, nf, fm = fm, rotate = rotate)))
  psi <- 1 - unname(f$communalities)
  fn <- function(v) crit(v, unname(R), nf, fm)
  target <- if (fm == "minres") function(v) crit(v, unname(R), nf, "uls") else fn
  best <- polish(psi, target, upper)
  if (random > 0) { set.seed(20261129); for (t in 1:random) { r <- polish(pmin(upper, pmax(0.005, psi * runif(p, 0.2, 1.8))), target, upper); if (r$objective < best$objective) best <- r } }
  L <- loadings_at(best$par, unname(R), nf, fm)
  out <- list(items = colnames(x), nfactors = nf, fm = fm, rotate = rotate,
    psych = list(loadings = um(f$loadings), uniquenesses = unname(f$uniquenesses), psi = psi, criterion = fn(psi)),
    minimum = list(psi = best$par, criterion = fn(best$par), loadings = L, uniquenesses = 1 - rowSums(L^2)))
  if (fm == "minres") { m <- polish(psi, fn, upper); out$minresMinimum <- list(psi = m$par, criterion = m$objective) }
  if (rotate == "oblimin") { ob <- GPArotation::oblimin(L); out$minimum$rotated <- um(ob$loadings); out$minimum$Phi <- um(ob$Phi)
    # the same call on psych's own unrotated loadings reproduces psych's rotated ones (checked here)
    f0 <- suppressWarnings(suppressMessages(fa(x, nf, fm = fm, rotate = "none"))); ob0 <- GPArotation::oblimin(um(f0$loadings))
    out$check_rotation <- list(rotated = um(ob0$loadings)) }
  out
}
out <- list(
  boston_minres_none = gold("Boston", 3, "minres"),
  boston_minres_oblimin = gold("Boston", 3, "minres", "oblimin"),
  swiss_minres_none = gold("swiss", 2, "minres"),
  hs9_wls = gold("HS9", 3, "wls"),
  hs9_gls = gold("HS9", 3, "gls"),
  boston_ml_4 = gold("Boston", 4, "ml", random = 20),
  hs9_ml_4 = gold("HS9", 4, "ml", random = 20)
)
for (n in names(out)) cat(sprintf("%-22s psych %.10g  minimum %.10g  max|psi diff| %.2e  minres minimum %s\n", n, out[[n]]$psych$criterion, out[[n]]$minimum$criterion,
  max(abs(out[[n]]$psych$psi - out[[n]]$minimum$psi)), if (is.null(out[[n]]$minresMinimum)) "-" else format(out[[n]]$minresMinimum$criterion, digits = 10)))
write_json(out, "test/goldens/psych-fa3.json", digits = NA, auto_unbox = TRUE, matrix = "rowmajor")
