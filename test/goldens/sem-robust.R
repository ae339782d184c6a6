# Goldens for robust ML (issue 16 item 6) and scaled difference tests (item 3): lavaan 0.6.14 MLR
# (Huber-White SEs, Yuan-Bentler "mplus" scaled test) and MLM (robust.sem, Satorra-Bentler), with
# every fit measure lavaan reports (.scaled, .robust), also FIML + MLR and FIML's robust measures.
# Run: Rscript test/goldens/sem-robust.R   (writes test/goldens/sem-robust.json)
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
dir <- "test/goldens"
hs <- read.csv(file.path(dir, "sem-hs-school.csv"), stringsAsFactors = FALSE)
pd <- read.csv(file.path(dir, "sem-poldem.csv"))
bfi <- read.csv("notebooks/data/bfi.csv")
skip <- character(0)  # every measure lavaan reports, the rmr/crmr/srmr_mplus family included

dump <- function(fit, extra = list()) {
  pe <- parameterEstimates(fit)
  sa <- standardizedSolution(fit)
  fm <- fitMeasures(fit)
  fm <- fm[!names(fm) %in% skip]
  out <- list(
    nobs = lavInspect(fit, "nobs"),
    pe = pe[, intersect(c("lhs", "op", "rhs", "group", "est", "se", "z", "ci.lower", "ci.upper"), names(pe))],
    std_all = sa[, intersect(c("lhs", "op", "rhs", "group", "est.std", "se"), names(sa))],
    fit = as.list(fm),
    fit_names = names(fm)
  )
  c(out, extra)
}
lrt <- function(..., method = "default") {
  t <- lavTestLRT(..., method = method)
  list(model = rownames(t), Df = t$Df, Chisq = t$Chisq, Chisq_diff = t[["Chisq diff"]], Df_diff = t[["Df diff"]], p = t[["Pr(>Chisq)"]])
}
hs.model <- ' visual  =~ x1 + x2 + x3
              textual =~ x4 + x5 + x6
              speed   =~ x7 + x8 + x9 '
pd.model <- '
    ind60 =~ x1 + x2 + x3
    dem60 =~ y1 + y2 + y3 + y4
    dem65 =~ y5 + y6 + y7 + y8
    dem60 ~ ind60
    dem65 ~ ind60 + dem60
    y1 ~~ y5
    y2 ~~ y4 + y6
    y3 ~~ y7
    y4 ~~ y8
    y6 ~~ y8 '
cov.model <- ' visual  =~ x1 + x2 + x3
               textual =~ x4 + x5 + x6
               textual ~ visual + ageyr + sex '
big5 <- ' A =~ A1 + A2 + A3 + A4 + A5
          C =~ C1 + C2 + C3 + C4 + C5
          E =~ E1 + E2 + E3 + E4 + E5
          N =~ N1 + N2 + N3 + N4 + N5
          O =~ O1 + O2 + O3 + O4 + O5 '
R <- list()
R$hs_mlm <- c(dump(cfa(hs.model, hs, estimator = "MLM")), list(model = hs.model, data = "hs", options = list(estimator = "MLM")))
R$hs_mlr <- c(dump(cfa(hs.model, hs, estimator = "MLR")), list(model = hs.model, data = "hs", options = list(estimator = "MLR")))
R$poldem_mlr <- c(dump(sem(pd.model, pd, estimator = "MLR")), list(model = pd.model, data = "pd", fun = "sem", options = list(estimator = "MLR")))
R$cov_mlr <- c(dump(sem(cov.model, hs, estimator = "MLR")), list(model = cov.model, data = "hs", fun = "sem", options = list(estimator = "MLR")))
R$cov_mlm <- c(dump(sem(cov.model, hs, estimator = "MLM")), list(model = cov.model, data = "hs", fun = "sem", options = list(estimator = "MLM")))
R$metric_mlr <- c(dump(cfa(hs.model, hs, group = "school", group.equal = "loadings", estimator = "MLR")),
  list(model = hs.model, data = "hs", options = list(estimator = "MLR", group = "school", group_equal = "loadings")))
R$scalar_mlm <- c(dump(cfa(hs.model, hs, group = "school", group.equal = c("loadings", "intercepts"), estimator = "MLM")),
  list(model = hs.model, data = "hs", options = list(estimator = "MLM", group = "school", group_equal = c("loadings", "intercepts"))))
R$bfi_mlr <- c(dump(cfa(big5, bfi, estimator = "MLR")), list(model = big5, data = "bfi", options = list(estimator = "MLR")))
R$bfi_fiml <- c(dump(cfa(big5, bfi, missing = "ml")), list(model = big5, data = "bfi", options = list(missing = "ml")))
R$bfi_fiml_mlr <- c(dump(cfa(big5, bfi, missing = "ml", estimator = "MLR")), list(model = big5, data = "bfi", options = list(missing = "ml", estimator = "MLR")))
conf <- cfa(hs.model, hs, group = "school", estimator = "MLR")
metric <- cfa(hs.model, hs, group = "school", group.equal = "loadings", estimator = "MLR")
scalar <- cfa(hs.model, hs, group = "school", group.equal = c("loadings", "intercepts"), estimator = "MLR")
mconf <- cfa(hs.model, hs, group = "school", estimator = "MLM")
mmetric <- cfa(hs.model, hs, group = "school", group.equal = "loadings", estimator = "MLM")
L <- list(
  mlr_2001 = lrt(conf, metric, scalar),
  mlr_2010 = lrt(conf, metric, scalar, method = "satorra.bentler.2010"),
  mlm_2001 = lrt(mconf, mmetric),
  mlm_2010 = lrt(mconf, mmetric, method = "satorra.bentler.2010")
)
writeLines(toJSON(list(fits = R, lrt = L), digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = FALSE), file.path(dir, "sem-robust.json"))
cat("wrote", file.path(dir, "sem-robust.json"), "\n")
