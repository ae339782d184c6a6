# Goldens for issue 12 (SEM on harder problems, exogenous covariates, lavaan options): lavaan 0.6.14.
# Run from the repository root: Rscript test/goldens/sem-hard.R
# Writes test/goldens/sem-hard.json and test/goldens/sem-hs-cov.csv (HS items with sex and age).
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
dir <- "test/goldens"

hs <- HolzingerSwineford1939[, c("sex", "ageyr", paste0("x", 1:9))]
write.csv(hs, file.path(dir, "sem-hs-cov.csv"), row.names = FALSE)

fm <- c("npar", "chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "baseline.pvalue",
        "cfi", "tli", "nnfi", "nfi", "ifi", "rni", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper",
        "rmsea.pvalue", "srmr", "gfi", "agfi", "logl", "unrestricted.logl", "aic", "bic", "bic2")

# Fits one case and records lavaan's warnings with the numbers. `scale`: columns multiplied
# before fitting (the test applies the same factors to the CSV).
run <- function(fun, model, scale = list(), options = list(), cov = FALSE) {
  d <- hs
  for (v in names(scale)) d[[v]] <- d[[v]] * scale[[v]]
  warns <- character(0)
  args <- c(list(model = model), options)
  if (cov) {
    S <- cov(d[, unique(c(lavNames(lavaanify(model), "ov")))])
    args$sample.cov <- S
    args$sample.nobs <- nrow(d)
  } else args$data <- d
  fname <- deparse(substitute(fun))
  fit <- withCallingHandlers(do.call(fname, args),
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  pe <- parameterEstimates(fit)
  sa <- standardizedSolution(fit, type = "std.all")
  sl <- standardizedSolution(fit, type = "std.lv")
  imp <- lavInspect(fit, "implied")
  res <- lavResiduals(fit, type = "raw")
  out <- list(
    fun = fname, model = model, data = "sem-hs-cov.csv", scale = scale,
    options = options, moments = cov, warnings = as.list(warns),
    ov = lavNames(fit, "ov"), lv = lavNames(fit, "lv"), nobs = lavInspect(fit, "nobs"),
    iterations = lavInspect(fit, "iterations"), converged = lavInspect(fit, "converged"),
    pe = pe[, intersect(c("lhs", "op", "rhs", "label", "est", "se", "z", "pvalue", "ci.lower", "ci.upper"), names(pe))],
    std_all = sa[, c("lhs", "op", "rhs", "est.std", "se")],
    std_lv = sl[, c("lhs", "op", "rhs", "est.std", "se")],
    fit = as.list(fitMeasures(fit, fm)),
    implied_cov = unclass(imp$cov),
    implied_mean = if (!is.null(imp$mean)) as.numeric(imp$mean) else NULL,
    resid_cov = unclass(res$cov),
    partable = parTable(fit)[, c("lhs", "op", "rhs", "free", "exo")]
  )
  out
}

hs.model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
mimic <- paste(hs.model, "visual ~ sex + ageyr\ntextual ~ sex + ageyr\nspeed ~ ageyr", sep = "\n")
path <- "x4 ~ x1 + x2 + ageyr\nx7 ~ x4 + x1 + sex\nx9 ~ x7 + x4"
eqint <- paste(hs.model, "x1 ~ a*1\nx2 ~ a*1\nx3 ~ a*1", sep = "\n")

cases <- list(
  # item 3: units, Heywood (MIMIC with age × 1e6 is not here: lavaan 0.6.14 does not converge on it;
  # the test checks that ours equals the unscaled MIMIC with rescaled age coefficients instead)
  hs_x1x100 = run(cfa, hs.model, scale = list(x1 = 100)),
  path_ageyr1e6 = run(sem, path, scale = list(ageyr = 1e6)),
  hs_eqint = run(cfa, eqint),
  # item 4: exogenous covariates
  mimic_fixedx = run(sem, mimic),
  mimic_freex = run(sem, mimic, options = list(fixed.x = FALSE)),
  mimic_means = run(sem, mimic, options = list(meanstructure = TRUE)),
  path = run(sem, path),
  path_freex = run(sem, path, options = list(fixed.x = FALSE)),
  path_means_freex = run(sem, path, options = list(fixed.x = FALSE, meanstructure = TRUE)),
  random_x = run(sem, "f =~ x1 + x2 + x3\nx4 ~ f + x5 + x6 + x7\nf ~~ x5"),
  saturated = run(sem, "x4 ~ x1 + x2"),
  # options implemented exactly
  hs_orthogonal = run(cfa, hs.model, options = list(orthogonal = TRUE)),
  path_stdov = run(sem, path, options = list(std.ov = TRUE)),
  path_stdov_freex = run(sem, path, options = list(std.ov = TRUE, fixed.x = FALSE)),
  single_indicator = run(sem, "f =~ x1\ng =~ x4 + x5 + x6\ng ~ f"),
  hs_norescale = run(cfa, hs.model, options = list(sample.cov.rescale = FALSE), cov = TRUE)
)
writeLines(toJSON(cases, digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = FALSE),
           file.path(dir, "sem-hard.json"))
cat("wrote", file.path(dir, "sem-hard.json"), "\n")
