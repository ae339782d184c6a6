# Golden values for src/measurement/efa: fa.parallel, VSS/MAP and omega. Run from the repository root:
#   Rscript test/goldens/psych-efa.R   -> test/goldens/psych-efa.json
# psych 2.2.9 + GPArotation (Debian). Observed eigenvalues are exact; simulated/resampled ones come
# from R's generator, so the tests compare them within Monte Carlo tolerance (means and SDs over
# many replications are stored, not the draws).
suppressMessages({ library(jsonlite); library(psych); library(GPArotation) })
bfi <- read.csv("notebooks/data/bfi.csv")
items <- bfi[, 1:25]
H <- datasets::Harman74.cor
out <- list()

summ <- function(v, nvar, block, quant = 0.95) {
  cols <- ((block - 1) * nvar + 1):(block * nvar)
  list(mean = unname(colMeans(v[, cols])), sd = unname(apply(v[, cols], 2, sd)),
       quantile = unname(apply(v[, cols], 2, quantile, quant)))
}
par_gold <- function(x, n.obs = NULL, n.iter, ...) {
  set.seed(20240501)
  p <- suppressWarnings(fa.parallel(x, n.obs = n.obs, n.iter = n.iter, plot = FALSE, ...))
  nv <- length(p$pc.values)
  v <- p$values
  res <- list(pc_values = unname(p$pc.values), fa_values = unname(p$fa.values), nfact = p$nfact, ncomp = p$ncomp, n_iter = n.iter)
  if (is.null(n.obs)) {
    res$pc_resampled <- summ(v, nv, 1); res$fa_resampled <- summ(v, nv, 2)
    res$pc_simulated <- summ(v, nv, 3); res$fa_simulated <- summ(v, nv, 4)
  } else {
    res$pc_simulated <- summ(v, nv, 1); res$fa_simulated <- summ(v, nv, 2)
  }
  res
}
out$parallel_bfi <- par_gold(items, n.iter = 400)
out$parallel_harman <- par_gold(H$cov, n.obs = H$n.obs, n.iter = 1000)
out$parallel_harman_smc <- par_gold(H$cov, n.obs = H$n.obs, n.iter = 400, SMC = TRUE)
out$parallel_harman_pa <- par_gold(H$cov, n.obs = H$n.obs, n.iter = 400, fm = "pa")

vss_gold <- function(v) list(map = unname(v$map), stats = lapply(as.list(v$vss.stats), unname))
out$vss_bfi <- vss_gold(VSS(items, plot = FALSE))
out$vss_harman <- vss_gold(VSS(H$cov, n = 6, n.obs = H$n.obs, plot = FALSE))

om_gold <- function(o) list(
  omega_h = o$omega_h, omega_lim = o$omega.lim, alpha = o$alpha, omega_tot = o$omega.tot, G6 = o$G6, ECV = unname(o$ECV),
  sl = unname(unclass(o$schmid$sl)), key = unname(o$key), gloading = unname(as.vector(o$schmid$gloading)),
  group = lapply(as.list(o$omega.group), unname),
  stats = list(dof = o$stats$dof, chisq = o$stats$STATISTIC, rms = o$stats$rms, RMSEA = unname(o$stats$RMSEA[1:3]), BIC = o$stats$BIC),
  gstats = list(dof = o$gstats$dof, chisq = o$gstats$STATISTIC, rms = o$gstats$rms, RMSEA = unname(o$gstats$RMSEA[1:3]), BIC = o$gstats$BIC))
out$omega_bfi5 <- om_gold(omega(items, nfactors = 5, plot = FALSE))
out$omega_bfi3 <- om_gold(omega(items, nfactors = 3, plot = FALSE))
out$omega_harman <- om_gold(omega(H$cov, nfactors = 4, n.obs = H$n.obs, plot = FALSE))
out$omega_harman_ml_promax <- om_gold(omega(H$cov, nfactors = 4, n.obs = H$n.obs, fm = "ml", rotate = "promax", plot = FALSE))
out$omega_harman2 <- om_gold(suppressMessages(omega(H$cov, nfactors = 2, n.obs = H$n.obs, plot = FALSE)))
writeLines(toJSON(out, digits = I(12), auto_unbox = TRUE, na = "null", null = "null"), "test/goldens/psych-efa.json")
