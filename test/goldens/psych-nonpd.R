# Golden values for psych on a correlation matrix that is not positive definite but invertible
# (QA report item 6: factor-score weights and R² of a non-PD matrix; psych's SMC start on it).
# Run from the repository root:   Rscript test/goldens/psych-nonpd.R   -> test/goldens/psych-nonpd.json
# psych 2.2.9 + GPArotation (Debian R 4.2.2). Data: datasets::Harman74.cor (24 tests, n 145) with two
# entries overwritten so that R has a clearly negative eigenvalue (as a mistyped published table would).
suppressMessages({ library(jsonlite); library(psych); library(GPArotation) })
um <- function(m) { m <- as.matrix(unclass(m)); dimnames(m) <- NULL; m }
R <- Harman74.cor$cov
R[1, 2] <- R[2, 1] <- -0.2
R[5, 9] <- R[9, 5] <- 0.05
stopifnot(min(eigen(R)$values) < -0.05)
q <- function(x) suppressWarnings(suppressMessages(x))
fit <- function(f) list(loadings = um(f$loadings), Phi = if (is.null(f$Phi)) NULL else um(f$Phi), weights = um(f$weights),
                        R2 = unname(f$R2), iterations = length(f$communality.iterations), communality = unname(f$communality))
out <- list(
  R = um(R), names = colnames(R), n = 145, minEigen = min(eigen(R)$values),
  smc = unname(q(smc(R))),
  pa2_none = fit(q(fa(R, 2, n.obs = 145, fm = "pa", rotate = "none"))),
  pa3_oblimin = fit(q(fa(R, 3, n.obs = 145, fm = "pa", rotate = "oblimin"))),
  pa2_varimax = fit(q(fa(R, 2, n.obs = 145, fm = "pa", rotate = "varimax")))
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", na = "null"), "test/goldens/psych-nonpd.json")
