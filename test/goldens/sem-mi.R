# Goldens for modification indices and score tests (issue 16 item 4): lavaan 0.6.14 modindices()
# (all rows, standardized EPCs, power) and lavTestScore() (joint, univariate, cumulative).
# FIML fits (missing = "ml") on psych's bfi use lavaan's expected information of incomplete data.
# Run: Rscript test/goldens/sem-mi.R   (writes test/goldens/sem-mi.json; needs sem-hs-school.csv, sem-poldem.csv,
# notebooks/data/bfi.csv)
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
dir <- "test/goldens"
hs <- read.csv(file.path(dir, "sem-hs-school.csv"), stringsAsFactors = FALSE)
pd <- read.csv(file.path(dir, "sem-poldem.csv"))
bfi <- read.csv("notebooks/data/bfi.csv")

mi.dump <- function(fit, ...) {
  m <- modindices(fit, ...)
  cols <- intersect(c("lhs", "op", "rhs", "group", "mi", "epc", "sepc.lv", "sepc.all", "sepc.nox", "delta", "ncp", "power", "decision"), names(m))
  as.list(m[, cols])
}
score.dump <- function(fit, ...) {
  s <- lavTestScore(fit, ...)
  out <- list(test = as.list(s$test[, c("X2", "df", "p.value")]), uni = as.list(s$uni[, c("lhs", "op", "rhs", "X2", "df", "p.value")]))
  if (!is.null(s$cumulative)) out$cumulative <- as.list(s$cumulative[, c("lhs", "op", "rhs", "X2", "df", "p.value")])
  out
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
    y6 ~~ y8 '
cov.model <- ' visual  =~ x1 + x2 + x3
               textual =~ x4 + x5 + x6
               textual ~ visual + ageyr + sex '
hs9 <- hs[, c(paste0("x", 1:9))]
M <- list()
M$hs <- list(model = hs.model, data = "sem-hs-school.csv", options = list(), mi = mi.dump(cfa(hs.model, hs9)))
M$hs_mi1 <- list(model = hs.model, data = "sem-hs-school.csv", options = list(), mi = mi.dump(cfa(hs.model, hs9), sort. = TRUE, minimum.value = 1))
M$hs_orth <- list(model = hs.model, data = "sem-hs-school.csv", options = list(orthogonal = TRUE, std_lv = TRUE),
  mi = mi.dump(cfa(hs.model, hs9, orthogonal = TRUE, std.lv = TRUE)))
M$hs_means <- list(model = hs.model, data = "sem-hs-school.csv", options = list(meanstructure = TRUE), mi = mi.dump(cfa(hs.model, hs9, meanstructure = TRUE)))
M$hs_power <- list(model = hs.model, data = "sem-hs-school.csv", options = list(), power = TRUE, mi = mi.dump(cfa(hs.model, hs9), power = TRUE))
M$poldem <- list(model = pd.model, data = "sem-poldem.csv", options = list(), fun = "sem", mi = mi.dump(sem(pd.model, pd)))
M$poldem_mi1 <- list(model = pd.model, data = "sem-poldem.csv", options = list(), fun = "sem", mi = mi.dump(sem(pd.model, pd), minimum.value = 1))
M$covariates <- list(model = cov.model, data = "sem-hs-school.csv", options = list(), fun = "sem", mi = mi.dump(sem(cov.model, hs)))
M$metric <- list(model = hs.model, data = "sem-hs-school.csv", options = list(group = "school", group_equal = "loadings"),
  mi = mi.dump(cfa(hs.model, hs, group = "school", group.equal = "loadings")))
two <- ' A =~ A1 + A2 + A3 + A4 + A5
         C =~ C1 + C2 + C3 + C4 + C5 '
big5 <- ' A =~ A1 + A2 + A3 + A4 + A5
          C =~ C1 + C2 + C3 + C4 + C5
          E =~ E1 + E2 + E3 + E4 + E5
          N =~ N1 + N2 + N3 + N4 + N5
          O =~ O1 + O2 + O3 + O4 + O5 '
covm <- ' N =~ N1 + N2 + N3 + N4 + N5
          N ~ age + education '
M$fiml_two <- list(model = two, data = "bfi.csv", options = list(missing = "ml"), mi = mi.dump(cfa(two, bfi, missing = "ml")))
M$fiml_big5_mi1 <- list(model = big5, data = "bfi.csv", options = list(missing = "ml"), mi = mi.dump(cfa(big5, bfi, missing = "ml"), minimum.value = 1))
M$fiml_covariates <- list(model = covm, data = "bfi.csv", fun = "sem", options = list(missing = "ml"), mi = mi.dump(sem(covm, bfi, missing = "ml")))
M$fiml_gender <- list(model = two, data = "bfi.csv", options = list(missing = "ml", group = "gender", group_equal = "loadings"),
  mi = mi.dump(cfa(two, bfi, missing = "ml", group = "gender", group.equal = "loadings")))
S <- list()
scalar <- cfa(hs.model, hs, group = "school", group.equal = c("loadings", "intercepts"))
S$scalar <- c(list(model = hs.model, options = list(group = "school", group_equal = c("loadings", "intercepts"))), score.dump(scalar, cumulative = TRUE))
S$scalar_release <- c(list(model = hs.model, options = list(group = "school", group_equal = c("loadings", "intercepts")), release = c(9, 13)),
  score.dump(scalar, release = c(9, 13)))
S$metric_stdlv <- c(list(model = hs.model, options = list(group = "school", group_equal = "loadings", std_lv = TRUE)),
  score.dump(cfa(hs.model, hs, group = "school", group.equal = "loadings", std.lv = TRUE)))
S$poldem_eq <- c(list(model = pd.eq, data = "sem-poldem.csv", fun = "sem", options = list()), score.dump(sem(pd.eq, pd)))
S$fiml_scalar <- c(list(model = two, data = "bfi.csv", options = list(missing = "ml", group = "gender", group_equal = c("loadings", "intercepts"))),
  score.dump(cfa(two, bfi, missing = "ml", group = "gender", group.equal = c("loadings", "intercepts")), cumulative = TRUE))
writeLines(toJSON(list(mi = M, score = S), digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = FALSE), file.path(dir, "sem-mi.json"))
cat("wrote", file.path(dir, "sem-mi.json"), "\n")
