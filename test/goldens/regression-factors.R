# Golden values for ols() with text (factor) predictors, lm weights and sandwich's HC4m, HC5 and
# "const" (QA report item 8). Run from the repository root:
#   Rscript test/goldens/regression-factors.R
# writes test/goldens/survey.csv, iris.csv, mtcars.csv (the data both sides fit) and
# test/goldens/regression-factors.json. R 4.2.2, MASS (survey), sandwich 3.0-2.
suppressMessages({ library(jsonlite); library(sandwich); library(MASS) })

sv <- survey[, c("Sex", "Exer", "Smoke", "Pulse", "Age", "Height", "W.Hnd")]
write.csv(sv, "test/goldens/survey.csv", row.names = FALSE, na = "")
write.csv(iris, "test/goldens/iris.csv", row.names = FALSE)
mt <- mtcars; mt$trans <- ifelse(mt$am == 1, "manual", "automatic"); mt$w <- round(mt$disp / 100, 2); mt$w0 <- mt$w; mt$w0[c(3, 9)] <- 0
write.csv(mt, "test/goldens/mtcars.csv", row.names = FALSE)
sv <- read.csv("test/goldens/survey.csv", stringsAsFactors = FALSE, na.strings = c("", "NA"))
ir <- read.csv("test/goldens/iris.csv", stringsAsFactors = FALSE)
mt <- read.csv("test/goldens/mtcars.csv", stringsAsFactors = FALSE)

types <- c("HC0", "HC1", "HC2", "HC3", "HC4", "HC4m", "HC5", "const")
fitInfo <- function(m, hc = TRUE) {
  s <- summary(m)
  cf <- coef(s)
  out <- list(terms = rownames(cf), coef = unname(cf[, 1]), se = unname(cf[, 2]), t = unname(cf[, 3]), p = unname(cf[, 4]),
              r2 = s$r.squared, adjR2 = s$adj.r.squared, sigma = s$sigma, df = s$df[2], n = nobs(m),
              ci_lower = unname(confint(m)[, 1]), ci_upper = unname(confint(m)[, 2]),
              residuals = unname(residuals(m))[1:10], fitted = unname(fitted(m))[1:10], hat = unname(hatvalues(m))[1:10])
  if (!is.null(s$fstatistic)) { f <- s$fstatistic; out$F <- unname(f[1]); out$df1 <- unname(f[2]); out$df2 <- unname(f[3]) }
  if (hc) for (ty in types) out[[ty]] <- unname(vcovHC(m, type = ty))
  out
}

out <- list()
out$survey_factors <- fitInfo(lm(Pulse ~ Exer + Sex + Age, data = sv))
out$survey_noint <- fitInfo(lm(Pulse ~ 0 + Exer + Age, data = sv))
out$iris_species <- fitInfo(lm(Sepal.Length ~ Species + Petal.Width, data = ir))
out$mtcars_trans <- fitInfo(lm(mpg ~ trans + wt, data = mt))
out$mtcars_weighted <- fitInfo(lm(mpg ~ wt + hp, data = mt, weights = w))
# zero weights: lm leaves those rows out of n and df (sandwich's HC then mixes lengths, so no HC here)
out$mtcars_weighted_zero <- fitInfo(lm(mpg ~ wt + hp + trans, data = mt, weights = w0), hc = FALSE)
out$survey_weighted <- fitInfo(lm(Pulse ~ Exer + Age, data = sv, weights = Height / 100))
out$mtcars_weighted_noint <- fitInfo(lm(mpg ~ 0 + wt + hp, data = mt, weights = w))
# dummyCode / describe: R's factor() levels and reference
out$levels <- list(Exer = levels(factor(sv$Exer)), Smoke = levels(factor(sv$Smoke)), WHnd = levels(factor(sv$W.Hnd)), Species = levels(factor(ir$Species)))
out$vif_weighted <- local({ m <- lm(mpg ~ wt + hp + qsec, data = mt, weights = w); V <- cov2cor(vcov(m)[-1, -1]); unname(diag(solve(V))) })
writeLines(toJSON(out, digits = I(15), auto_unbox = TRUE, na = "null", null = "null", matrix = "rowmajor"), "test/goldens/regression-factors.json")
