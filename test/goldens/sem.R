# Goldens for src/sem: lavaan 0.6.14 fits of the classic models.
# Run: Rscript test/goldens/sem.R   (writes test/goldens/sem.json and the data CSVs next to it)
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
dir <- "test/goldens"

hs <- HolzingerSwineford1939[, paste0("x", 1:9)]
write.csv(hs, file.path(dir, "sem-hs.csv"), row.names = FALSE)
pd <- PoliticalDemocracy
write.csv(pd, file.path(dir, "sem-poldem.csv"), row.names = FALSE)
set.seed(20240607)
n <- 200
X <- rnorm(n); M <- 0.5 * X + rnorm(n); Y <- 0.4 * M + 0.2 * X + rnorm(n)
med <- data.frame(X = round(X, 4), M = round(M, 4), Y = round(Y, 4))
write.csv(med, file.path(dir, "sem-med.csv"), row.names = FALSE)

fm <- c("npar", "chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "baseline.pvalue",
        "cfi", "tli", "nnfi", "nfi", "ifi", "rni", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper",
        "rmsea.pvalue", "srmr", "gfi", "agfi", "logl", "unrestricted.logl", "aic", "bic", "bic2")

dump <- function(fit, extra = list()) {
  pe <- parameterEstimates(fit)
  sa <- standardizedSolution(fit, type = "std.all")
  sl <- standardizedSolution(fit, type = "std.lv")
  imp <- lavInspect(fit, "implied")
  res <- lavResiduals(fit, type = "raw")
  out <- list(
    ov = lavNames(fit, "ov"),
    lv = lavNames(fit, "lv"),
    nobs = lavInspect(fit, "nobs"),
    pe = pe[, intersect(c("lhs", "op", "rhs", "label", "est", "se", "z", "pvalue", "ci.lower", "ci.upper"), names(pe))],
    std_all = sa[, c("lhs", "op", "rhs", "est.std", "se", "z", "pvalue")],
    std_lv = sl[, c("lhs", "op", "rhs", "est.std", "se")],
    fit = as.list(fitMeasures(fit, fm)),
    implied_cov = unclass(imp$cov),
    implied_mean = if (!is.null(imp$mean)) as.numeric(imp$mean) else NULL,
    resid_cov = unclass(res$cov),
    rsquare = as.list(lavInspect(fit, "rsquare")),
    converged = lavInspect(fit, "converged")
  )
  c(out, extra)
}

hs.model <- ' visual  =~ x1 + x2 + x3
              textual =~ x4 + x5 + x6
              speed   =~ x7 + x8 + x9 '
pd.model <- '
  # measurement model
    ind60 =~ x1 + x2 + x3
    dem60 =~ y1 + y2 + y3 + y4
    dem65 =~ y5 + y6 + y7 + y8
  # regressions
    dem60 ~ ind60
    dem65 ~ ind60 + dem60
  # residual correlations
    y1 ~~ y5
    y2 ~~ y4 + y6
    y3 ~~ y7
    y4 ~~ y8
    y6 ~~ y8
'
pd.eq <- '
    ind60 =~ x1 + x2 + x3
    dem60 =~ y1 + a*y2 + b*y3 + c*y4
    dem65 =~ y5 + a*y6 + b*y7 + c*y8
    dem60 ~ ind60
    dem65 ~ ind60 + dem60
    y1 ~~ y5
    y2 ~~ y4 + y6
    y3 ~~ y7
    y4 ~~ y8
    y6 ~~ y8
'
second <- ' visual  =~ x1 + x2 + x3
            textual =~ x4 + x5 + x6
            speed   =~ x7 + x8 + x9
            g =~ visual + textual + speed '
pd.med <- '
    ind60 =~ x1 + x2 + x3
    dem60 =~ y1 + y2 + y3 + y4
    dem65 =~ y5 + y6 + y7 + y8
    dem60 ~ a*ind60
    dem65 ~ b*dem60 + c*ind60
    ind := a*b
    total := c + a*b
'
med.model <- ' M ~ a*X
               Y ~ b*M + c*X
               ind := a*b
               total := c + a*b '
fixed.model <- ' visual  =~ x1 + 0.5*x2 + x3
                 textual =~ x4 + x5 + x6
                 speed   =~ x7 + x8 + NA*x9 + 1*x8 '

hs.cov <- cov(hs)
models <- list()
models$hs <- c(dump(cfa(hs.model, data = hs)), list(model = hs.model, data = "sem-hs.csv", options = list(),
  htmt = unclass(suppressMessages(semTools::htmt(hs.model, data = hs)))))
models$hs_stdlv <- c(dump(cfa(hs.model, data = hs, std.lv = TRUE)), list(model = hs.model, data = "sem-hs.csv", options = list(std_lv = TRUE)))
models$hs_means <- c(dump(cfa(hs.model, data = hs, meanstructure = TRUE)), list(model = hs.model, data = "sem-hs.csv", options = list(meanstructure = TRUE)))
models$poldem <- c(dump(sem(pd.model, data = pd)), list(model = pd.model, data = "sem-poldem.csv", options = list()))
models$poldem_eq <- c(dump(sem(pd.eq, data = pd)), list(model = pd.eq, data = "sem-poldem.csv", options = list()))
models$second <- c(dump(cfa(second, data = hs)), list(model = second, data = "sem-hs.csv", options = list()))
models$poldem_med <- c(dump(sem(pd.med, data = pd)), list(model = pd.med, data = "sem-poldem.csv", options = list()))
models$med <- c(dump(sem(med.model, data = med)), list(model = med.model, data = "sem-med.csv", options = list()))
models$hs_cov_wishart <- c(dump(cfa(hs.model, sample.cov = hs.cov, sample.nobs = nrow(hs), likelihood = "wishart")),
  list(model = hs.model, cov = unclass(hs.cov), names = colnames(hs.cov), n = nrow(hs), options = list(likelihood = "wishart")))
models$hs_cov_normal <- c(dump(cfa(hs.model, sample.cov = hs.cov, sample.nobs = nrow(hs))),
  list(model = hs.model, cov = unclass(hs.cov), names = colnames(hs.cov), n = nrow(hs), options = list()))
models$hs_fixed <- c(dump(cfa(fixed.model, data = hs)), list(model = fixed.model, data = "sem-hs.csv", options = list()))

writeLines(toJSON(models, digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = FALSE),
           file.path(dir, "sem.json"))
cat("wrote", file.path(dir, "sem.json"), "\n")
