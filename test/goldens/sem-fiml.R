# Goldens for full-information ML (issue 16 item 5): lavaan 0.6.14 with missing = "ml" on psych's bfi
# (notebooks/data/bfi.csv, 2,800 respondents, 364 with missing items).
# Run: Rscript test/goldens/sem-fiml.R   (writes test/goldens/sem-fiml.json)
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
dir <- "test/goldens"
bfi <- read.csv("notebooks/data/bfi.csv")

fm <- c("npar", "chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "baseline.pvalue",
        "cfi", "tli", "nnfi", "nfi", "ifi", "rni", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper",
        "rmsea.pvalue", "srmr", "gfi", "agfi", "logl", "unrestricted.logl", "aic", "bic", "bic2")
dump <- function(fit, extra = list()) {
  pe <- parameterEstimates(fit)
  sa <- standardizedSolution(fit)
  out <- list(
    nobs = lavInspect(fit, "nobs"),
    group_labels = lavInspect(fit, "group.label"),
    pe = pe[, intersect(c("lhs", "op", "rhs", "group", "est", "se", "z", "ci.lower", "ci.upper"), names(pe))],
    std_all = sa[, intersect(c("lhs", "op", "rhs", "group", "est.std", "se"), names(sa))],
    fit = as.list(fitMeasures(fit, fm)),
    chisq_group = fit@test[[1]]$stat.group
  )
  c(out, extra)
}
big5 <- ' A =~ A1 + A2 + A3 + A4 + A5
          C =~ C1 + C2 + C3 + C4 + C5
          E =~ E1 + E2 + E3 + E4 + E5
          N =~ N1 + N2 + N3 + N4 + N5
          O =~ O1 + O2 + O3 + O4 + O5 '
two <- ' A =~ A1 + A2 + A3 + A4 + A5
         C =~ C1 + C2 + C3 + C4 + C5 '
covm <- ' N =~ N1 + N2 + N3 + N4 + N5
          N ~ age + education '
F <- list()
F$big5 <- c(dump(cfa(big5, bfi, missing = "ml")), list(model = big5, options = list(missing = "ml")))
F$big5_expected <- c(dump(cfa(big5, bfi, missing = "ml", information = "expected")), list(model = big5, options = list(missing = "ml", information = "expected")))
F$gender_metric <- c(dump(cfa(two, bfi, missing = "fiml", group = "gender", group.equal = "loadings")),
  list(model = two, options = list(missing = "fiml", group = "gender", group_equal = "loadings")))
F$covariates <- c(dump(sem(covm, bfi, missing = "ml")), list(model = covm, fun = "sem", options = list(missing = "ml")))
writeLines(toJSON(F, digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = FALSE), file.path(dir, "sem-fiml.json"))
cat("wrote", file.path(dir, "sem-fiml.json"), "\n")
