# Golden values for the second round of src/measurement/efa (issue: QA report items 1, 2, 6, 9, 11a).
# Run from the repository root:   Rscript test/goldens/psych-fa2.R   -> test/goldens/psych-fa2.json
# psych 2.2.9 + GPArotation 2022.10-2, MASS, lavaan 0.6-14, AER (Debian R 4.2.2).
# Data (correlation matrices and n stored in the JSON; all are complete data, so a matrix with n gives
# the same fa as the raw data): datasets::attitude, MASS::Boston (10 variables), lavaan::Demo.twolevel
# (y1-y6, x1-x3), psych::Harman.8, AER::CASchools (10 variables), psych::Thurstone (n 213),
# lavaan::HolzingerSwineford1939 (x1-x9), datasets::Harman74.cor, psych::Gorsuch (n 100), and psych's
# bfi (notebooks/data/bfi.csv, 25 items, missing answers, pairwise correlations) for rotations, scores
# and principal components.
#
# For the iterative estimators the golden also records psych's own criterion at psych's solution
# (psi = 1 - f$communalities = optim's par), computed by crit() below from the formulas in
# src/measurement/efa/criteria.ts, so that a test can show that ours is never above psych's.
suppressMessages({ library(jsonlite); library(psych); library(GPArotation); library(MASS); library(lavaan); library(AER) })

top <- function(A, nf) { e <- eigen(A, symmetric = TRUE); L <- e$vectors[, 1:nf, drop = FALSE] %*% diag(sqrt(pmax(e$values[1:nf], 0)), nf); L %*% t(L) }
crit <- function(psi, R, nf, fm, np = NULL) {
  if (fm == "ml") { sc <- diag(1 / sqrt(psi)); e <- eigen(sc %*% R %*% sc, symmetric = TRUE, only.values = TRUE)$values[-(1:nf)]; return(sum(e - log(e) - 1)) }
  A <- R; diag(A) <- 1 - psi; E <- A - top(A, nf); Ri <- if (fm %in% c("wls", "gls")) solve(R) else NULL
  switch(fm, minres = sum(E[lower.tri(E)]^2), uls = sum(E^2),
         wls = { w <- 1 / diag(Ri); sum(outer(w, w) * E^2) }, gls = sum((Ri %*% E)^2),
         minchi = { E2 <- E^2 * np; diag(E2) <- 0; sum(E2) })
}
um <- function(m) { m <- as.matrix(unclass(m)); dimnames(m) <- NULL; m }
mat <- function(R, n) list(cor = um(R), names = colnames(R), n = n)

data(CASchools, package = "AER"); data(Boston, package = "MASS")
M <- list(
  attitude = mat(cor(attitude), nrow(attitude)),
  Boston = mat(cor(Boston[, c("crim", "indus", "nox", "rm", "age", "dis", "tax", "ptratio", "lstat", "medv")]), nrow(Boston)),
  twolevel = mat(cor(Demo.twolevel[, c("y1", "y2", "y3", "y4", "y5", "y6", "x1", "x2", "x3")]), nrow(Demo.twolevel)),
  Harman8 = mat(Harman.8, 305),
  CAS = mat(cor(CASchools[, c("students", "teachers", "calworks", "lunch", "computer", "expenditure", "income", "english", "read", "math")]), nrow(CASchools)),
  Thurstone = mat(Thurstone, 213),
  HS9 = mat(cor(HolzingerSwineford1939[, paste0("x", 1:9)]), 301),
  Harman74 = mat(Harman74.cor$cov, Harman74.cor$n.obs),
  Gorsuch = mat(Gorsuch, 100)
)
out <- list(matrices = M)

fit_gold <- function(f, R, nf, fm) {
  psi <- if (fm %in% c("pa", "alpha")) NULL else 1 - unname(f$communalities)
  list(names = colnames(f$loadings), loadings = um(f$loadings), Phi = if (is.null(f$Phi)) NULL else um(f$Phi),
       uniquenesses = unname(f$uniquenesses), communality = unname(f$communality), values = unname(f$values),
       objective = unname(f$objective), chisq = if (is.null(f$STATISTIC)) NULL else f$STATISTIC, rms = f$rms,
       RMSEA = if (is.null(f$RMSEA)) NULL else unname(f$RMSEA[1:3]), weights = um(f$weights), R2 = unname(f$R2),
       psi = psi, criterion = if (is.null(psi)) NULL else crit(psi, R, nf, fm))
}
mfa <- function(m, nf, fm, rotate = "none", ...) { R <- M[[m]]$cor; dimnames(R) <- list(M[[m]]$names, M[[m]]$names)
  fit_gold(suppressWarnings(suppressMessages(fa(R, nf, n.obs = M[[m]]$n, fm = fm, rotate = rotate, ...))), M[[m]]$cor, nf, fm) }

# item 1: maximum likelihood (and the least-squares criteria) where psych's single start stops early
cases <- list(c("attitude", 3), c("Boston", 5), c("Boston", 4), c("twolevel", 4), c("Harman8", 4), c("CAS", 3), c("Thurstone", 4), c("HS9", 4))
for (cs in cases) for (fm in c("ml", "minres")) out[[sprintf("opt_%s_%s_%s", cs[1], fm, cs[2])]] <- mfa(cs[1], as.numeric(cs[2]), fm)

# item 6: the other fitting methods
for (m in c("HS9", "Harman74")) for (fm in c("uls", "wls", "gls", "alpha", "pa", "minres", "ml")) {
  nf <- if (m == "HS9") 3 else 4
  out[[sprintf("fm_%s_%s", m, fm)]] <- mfa(m, nf, fm)
}

# item 2: a singular matrix (duplicated item): psych's weights fall back to the loadings; RMSEA bounds NA
out$gorsuch_minres <- mfa("Gorsuch", 2, "minres", rotate = "oblimin")

# item 6: rotations (minres extraction), bfi 5 factors and Harman74 4 factors
bfi <- read.csv("notebooks/data/bfi.csv")
items <- bfi[, 1:25]
rots <- c("Varimax", "equamax", "geominT", "bentlerT", "bifactor", "quartimin", "biquartimin", "simplimax", "Promax", "cluster")
rot_gold <- function(f) list(names = colnames(f$loadings), loadings = um(f$loadings), Phi = if (is.null(f$Phi)) NULL else um(f$Phi),
                             communality = unname(f$communality), vaccounted = um(f$Vaccounted), objective = unname(f$objective))
for (r in rots) {
  out[[paste0("rot_bfi_", r)]] <- rot_gold(suppressWarnings(fa(items, 5, rotate = r)))
  R <- M$Harman74$cor; dimnames(R) <- list(M$Harman74$names, M$Harman74$names)
  out[[paste0("rot_harman_", r)]] <- rot_gold(suppressWarnings(fa(R, 4, n.obs = 145, rotate = r)))
}
# target rotations: the target keeps each item's largest oblimin loading (rounded), NA elsewhere
f0 <- fa(items, 5)
tgt <- matrix(NA, 25, 5); big <- apply(abs(unclass(f0$loadings)), 1, which.max)
for (i in 1:25) tgt[i, big[i]] <- round(unclass(f0$loadings)[i, big[i]], 1)
out$target_bfi <- um(tgt)
out$rot_bfi_targetQ <- rot_gold(fa(items, 5, rotate = "targetQ", Target = tgt))
out$rot_bfi_targetT <- rot_gold(fa(items, 5, rotate = "targetT", Target = tgt))

# item 6: factor scores on raw data (first 40 rows kept), weights and R² of each method
score_gold <- function(f) list(weights = um(f$weights), R2 = unname(f$R2.scores), scores = um(f$scores[1:40, ]),
                               na_rows = sum(!complete.cases(f$scores)), mean_abs = unname(colMeans(abs(f$scores), na.rm = TRUE)))
for (sm in c("regression", "Bartlett", "tenBerge", "Anderson", "Harman")) out[[paste0("scores_", sm)]] <- score_gold(fa(items, 5, scores = sm))
out$scores_missing <- score_gold(fa(items, 5, missing = TRUE))
out$scores_oblique <- score_gold(fa(items, 5, oblique.scores = TRUE))
out$scores_ml_varimax <- score_gold(fa(items, 5, fm = "ml", rotate = "varimax", scores = "Bartlett"))

# item 6: principal components
pc_gold <- function(p, raw) { g <- list(names = colnames(p$loadings), loadings = um(p$loadings), Phi = if (is.null(p$Phi)) NULL else um(p$Phi),
  values = unname(p$values), communality = unname(p$communality), uniquenesses = unname(p$uniquenesses), vaccounted = um(p$Vaccounted),
  objective = unname(p$objective), STATISTIC = if (is.null(p$STATISTIC)) NULL else p$STATISTIC, rms = p$rms, fit = p$fit, fit_off = p$fit.off,
  dof = p$dof, chi = p$chi, complexity = unname(p$complexity), weights = um(p$weights))
  if (raw) { g$scores <- um(p$scores[1:40, ]); g$na_rows <- sum(!complete.cases(p$scores)) }
  g }
for (r in c("none", "varimax", "promax", "oblimin", "quartimax", "cluster")) {
  out[[paste0("pc_bfi_", r)]] <- pc_gold(principal(items, 5, rotate = r), TRUE)
  R <- M$Harman74$cor; dimnames(R) <- list(M$Harman74$names, M$Harman74$names)
  out[[paste0("pc_harman_", r)]] <- pc_gold(principal(R, 4, n.obs = 145, rotate = r), FALSE)
}
out$pc_bfi_one <- pc_gold(principal(items[, 1:5]), TRUE)
out$pc_bfi_missing <- pc_gold(principal(items, 3, missing = TRUE), TRUE)

# items 9/11a: VSS (diagonal FALSE is psych's default and counts the diagonal; TRUE leaves it out)
vss_gold <- function(v) { s <- v$vss.stats; list(vss1 = unname(v$cfit.1), vss2 = unname(v$cfit.2), map = unname(v$map), fit = s$fit, sqresid = s$sqresid, chisq = s$chisq) }
hs <- HolzingerSwineford1939[, paste0("x", 1:9)]
out$vss_hs_default <- vss_gold(VSS(hs, n = 4, plot = FALSE))
out$vss_hs_diagonal <- vss_gold(VSS(hs, n = 4, plot = FALSE, diagonal = TRUE))
out$vss_boston_ml <- vss_gold(VSS(Boston[, c("crim", "indus", "nox", "rm", "age", "dis", "tax", "ptratio", "lstat", "medv")], n = 5, fm = "ml", plot = FALSE))

writeLines(toJSON(out, digits = I(12), auto_unbox = TRUE, na = "null", null = "null", matrix = "rowmajor"), "test/goldens/psych-fa2.json")
