# Golden values for src/measurement/efa (fa). Run from the repository root:
#   Rscript test/goldens/psych-fa.R   -> test/goldens/psych-fa.json
# psych 2.2.9 + GPArotation 2022.10-2 (Debian). Data: psych's bfi (notebooks/data/bfi.csv, 25 items,
# pairwise correlations as psych's default) and datasets::Harman74.cor (24 tests, n = 145).
suppressMessages({ library(jsonlite); library(psych); library(GPArotation) })
bfi <- read.csv("notebooks/data/bfi.csv")
items <- bfi[, 1:25]
H <- datasets::Harman74.cor
out <- list(harman74 = list(cor = unname(H$cov), names = colnames(H$cov), n = H$n.obs))

fa_gold <- function(f) {
  s <- list(
    names = colnames(f$loadings),
    loadings = unname(unclass(f$loadings)),
    Phi = if (is.null(f$Phi)) NULL else unname(f$Phi),
    communality = unname(f$communality),
    uniquenesses = unname(f$uniquenesses),
    complexity = unname(f$complexity),
    values = unname(f$values),
    e_values = unname(f$e.values),
    vaccounted = unname(f$Vaccounted),
    dof = f$dof, objective = unname(f$objective), chisq = if (is.null(f$STATISTIC)) NULL else f$STATISTIC,
    pval = if (is.null(f$PVAL)) NULL else f$PVAL,
    null_dof = f$null.dof, null_model = f$null.model, null_chisq = if (is.null(f$null.chisq)) NULL else f$null.chisq,
    TLI = if (is.null(f$TLI)) NULL else f$TLI,
    RMSEA = if (is.null(f$RMSEA)) NULL else unname(f$RMSEA[1:3]),
    BIC = if (is.null(f$BIC)) NULL else f$BIC, SABIC = if (is.null(f$SABIC)) NULL else f$SABIC,
    rms = f$rms, crms = f$crms, chi = f$chi, EPVAL = f$EPVAL, EBIC = f$EBIC, nh = f$nh,
    fit = f$fit, fit_off = f$fit.off, R2 = unname(f$R2), hyperplane = unname(f$hyperplane)
  )
  s
}

fms <- c("minres", "ml", "pa")
rots <- c("none", "varimax", "quartimax", "promax", "oblimin", "geominQ", "bentlerQ")
for (fm in fms) for (rot in rots) {
  f <- suppressWarnings(fa(items, nfactors = 5, fm = fm, rotate = rot))
  out[[paste("bfi", fm, rot, sep = "_")]] <- fa_gold(f)
  g <- suppressWarnings(fa(H$cov, nfactors = 4, n.obs = H$n.obs, fm = fm, rotate = rot))
  out[[paste("harman", fm, rot, sep = "_")]] <- fa_gold(g)
}
# listwise correlations, a one-factor model, Kaiser-normalised GPA, a matrix without n
out$bfi_complete <- fa_gold(fa(items, nfactors = 5, use = "complete"))
out$bfi_one <- fa_gold(fa(items[, 1:5], nfactors = 1))
out$harman_oblimin_normalize <- fa_gold(fa(H$cov, nfactors = 4, n.obs = 145, rotate = "oblimin", normalize = TRUE))
out$harman_non <- fa_gold(fa(H$cov, nfactors = 4, rotate = "varimax"))
out$harman_alpha05 <- fa_gold(fa(H$cov, nfactors = 3, n.obs = 145, alpha = 0.05))
out$bfi_sort_order <- fa.sort(fa(items, nfactors = 5))$order
writeLines(toJSON(out, digits = I(12), auto_unbox = TRUE, na = "null", null = "null"), "test/goldens/psych-fa.json")
