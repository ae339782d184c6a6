# Golden values for src/regression: lm with sandwich::vcovHC (HC0-HC4), VIFs, standardised betas,
# hierarchical F-change tests (anova), 2SLS by matrix algebra with first-stage statistics, and the
# regression-based Durbin-Wu-Hausman test.
# Run from the repository root:  Rscript test/goldens/regression.R
#   writes test/goldens/regression-data.csv (the data both sides fit) and test/goldens/regression.json
library(jsonlite)
library(sandwich)

set.seed(20240502)
n <- 250
x1 <- rnorm(n, 3, 1)
x2 <- 0.4 * x1 + rnorm(n)
x3 <- rbinom(n, 1, 0.4)
x4 <- rexp(n)
y <- 1 + 0.5 * x1 - 0.3 * x2 + 0.8 * x3 + 0.2 * x4 + rnorm(n, sd = 0.5 + 0.5 * x4)   # heteroscedastic
z1 <- rnorm(n); z2 <- rnorm(n); u <- rnorm(n)
xe <- 0.6 * z1 + 0.4 * z2 + 0.5 * u + rnorm(n)          # endogenous: shares u with ye
xe2 <- 0.5 * z2 - 0.3 * z1 + 0.4 * u + rnorm(n)
ye <- 2 + 0.7 * xe + 0.3 * x1 + u + rnorm(n)
ye2 <- 1 + 0.5 * xe - 0.4 * xe2 + 0.2 * x1 + u + rnorm(n)
d <- data.frame(y, x1, x2, x3, x4, x1x4 = x1 * x4, z1, z2, xe, xe2, ye, ye2)
d$x4[c(5, 17)] <- NA
d$y[30] <- NA
write.csv(d, "test/goldens/regression-data.csv", row.names = FALSE, na = "")
d <- read.csv("test/goldens/regression-data.csv")      # fit exactly the values the tests read

fitInfo <- function(m) {
  s <- summary(m)
  cf <- coef(s)
  out <- list(terms = rownames(cf), coef = unname(cf[, 1]), se = unname(cf[, 2]), t = unname(cf[, 3]), p = unname(cf[, 4]),
       r2 = s$r.squared, adjR2 = s$adj.r.squared, sigma = s$sigma, df = s$df[2], n = nobs(m),
       ci_lower = unname(confint(m)[, 1]), ci_upper = unname(confint(m)[, 2]))
  if (!is.null(s$fstatistic)) {
    f <- s$fstatistic
    out$F <- unname(f[1]); out$df1 <- unname(f[2]); out$df2 <- unname(f[3])
    out$pF <- unname(pf(f[1], f[2], f[3], lower.tail = FALSE))
  }
  out
}

cc <- d[complete.cases(d[, c("y", "x1", "x2", "x3", "x4")]), ]
m <- lm(y ~ x1 + x2 + x3 + x4, data = cc)
main <- fitInfo(m)
for (type in c("HC0", "HC1", "HC2", "HC3", "HC4")) main[[type]] <- unname(vcovHC(m, type = type))
main$hat <- unname(hatvalues(m))[1:10]
preds <- c("x1", "x2", "x3", "x4")
main$vif <- sapply(preds, function(v) 1 / (1 - summary(lm(reformulate(setdiff(preds, v), v), data = cc))$r.squared), USE.NAMES = FALSE)
main$beta <- sapply(preds, function(v) coef(m)[v] * sd(cc[[v]]) / sd(cc$y), USE.NAMES = FALSE)
main$mse <- sum(residuals(m)^2) / df.residual(m)
main$dropped <- nrow(d) - nrow(cc)
# Robust overall test: Wald F on the slopes with the HC3 covariance.
V3 <- vcovHC(m, type = "HC3")[-1, -1]; b <- coef(m)[-1]
main$F_HC3 <- drop(t(b) %*% solve(V3) %*% b) / length(b)
main$pF_HC3 <- pf(main$F_HC3, length(b), df.residual(m), lower.tail = FALSE)

m0 <- lm(y ~ 0 + x1 + x2, data = cc)
noint <- fitInfo(m0)

# Hierarchical regression: the same complete cases (those of the last step) in every step.
hc <- d[complete.cases(d[, c("y", "x1", "x2", "x3", "x4", "x1x4")]), ]
h1 <- lm(y ~ x1 + x2, data = hc)
h2 <- lm(y ~ x1 + x2 + x3 + x4, data = hc)
h3 <- lm(y ~ x1 + x2 + x3 + x4 + x1x4, data = hc)
# F change as SPSS and papers report it: each step tested against the previous one with that
# step's own residual variance, i.e. pairwise anova(previous, current). (anova(h1, h2, h3) would
# use the largest model's residual variance for every comparison.)
a12 <- anova(h1, h2); a23 <- anova(h2, h3)
r2s <- sapply(list(h1, h2, h3), function(mm) summary(mm)$r.squared)
f0 <- summary(h1)$fstatistic
hier <- list(n = nrow(hc), dropped = nrow(d) - nrow(hc), r2 = r2s,
  dR2 = c(r2s[1], diff(r2s)),
  Fchange = c(unname(f0[1]), a12$F[2], a23$F[2]), df1 = c(unname(f0[2]), a12$Df[2], a23$Df[2]),
  df2 = c(unname(f0[3]), a12$Res.Df[2], a23$Res.Df[2]),
  pchange = c(unname(pf(f0[1], f0[2], f0[3], lower.tail = FALSE)), a12$`Pr(>F)`[2], a23$`Pr(>F)`[2]),
  f2 = c(r2s[1] / (1 - r2s[1]), diff(r2s) / (1 - r2s[2:3])),
  steps = lapply(list(h1, h2, h3), fitInfo),
  HC3_step3 = unname(vcovHC(h3, type = "HC3")),
  # Robust test of each block: Wald F on the added coefficients with the step's HC3 covariance.
  FchangeHC3 = c(
    { b <- coef(h1)[-1]; drop(t(b) %*% solve(vcovHC(h1, type = "HC3")[-1, -1]) %*% b) / 2 },
    { i <- c("x3", "x4"); b <- coef(h2)[i]; drop(t(b) %*% solve(vcovHC(h2, type = "HC3")[i, i]) %*% b) / 2 },
    { b <- coef(h3)["x1x4"]; unname(b^2 / vcovHC(h3, type = "HC3")["x1x4", "x1x4"]) }))

# 2SLS by matrix algebra.
tsls <- function(y, endo, exo, inst, data) {
  cc <- data[complete.cases(data[, c(y, endo, exo, inst)]), ]
  X <- cbind(1, as.matrix(cc[, c(endo, exo), drop = FALSE]))
  Z <- cbind(1, as.matrix(cc[, c(exo, inst), drop = FALSE]))
  yy <- cc[[y]]
  Xhat <- Z %*% solve(crossprod(Z), crossprod(Z, X))
  b <- solve(crossprod(Xhat, X), crossprod(Xhat, yy))
  e <- yy - X %*% b
  k <- ncol(X); nn <- nrow(X)
  s2 <- sum(e^2) / (nn - k)
  V <- s2 * solve(crossprod(Xhat))
  se <- sqrt(diag(V)); t <- b / se
  first <- lapply(endo, function(en) {
    full <- lm(reformulate(c(exo, inst), en), data = cc)
    red <- if (length(exo)) lm(reformulate(exo, en), data = cc) else lm(reformulate("1", en), data = cc)
    av <- anova(red, full)
    list(variable = en, F = av$F[2], df1 = av$Df[2], df2 = av$Res.Df[2], p = av$`Pr(>F)`[2],
         r2 = summary(full)$r.squared, partialR2 = 1 - sum(residuals(full)^2) / sum(residuals(red)^2))
  })
  # Durbin-Wu-Hausman, control-function form: add the first-stage residuals to the structural
  # OLS regression and F-test them jointly.
  vh <- sapply(endo, function(en) residuals(lm(reformulate(c(exo, inst), en), data = cc)))
  colnames(vh) <- paste0("v_", endo)
  aug <- cbind(cc, vh)
  base <- lm(reformulate(c(endo, exo), y), data = aug)
  augm <- lm(reformulate(c(endo, exo, colnames(vh)), y), data = aug)
  dw <- anova(base, augm)
  list(terms = c("(Intercept)", endo, exo), coef = as.vector(b), se = as.vector(se), t = as.vector(t),
       p = as.vector(2 * pt(-abs(t), nn - k)), sigma = sqrt(s2), df = nn - k, n = nn,
       r2 = 1 - sum(e^2) / sum((yy - mean(yy))^2), first = first,
       dwh = list(F = dw$F[2], df1 = dw$Df[2], df2 = dw$Res.Df[2], p = dw$`Pr(>F)`[2]))
}
iv1 <- tsls("ye", "xe", "x1", c("z1", "z2"), d)
iv2 <- tsls("ye2", c("xe", "xe2"), "x1", c("z1", "z2", "x2"), d)

# Scale invariance and the rank test (issue 12, item 6). R's lm decides rank by LINPACK's dqrdc2:
# a column is dropped (NA) when its norm not explained by the earlier columns falls below 1e-7 of
# its own norm. Multiplying a predictor by 1e-300 does not change that decision; R's coefficient is
# right, but summary.lm overflows (SE = Inf, t = 0, p = 1) because (X'X)^-1 is about 1e600. The SE,
# t and p of the rescaled predictor are therefore taken from the fit on the unscaled predictor
# (SE scales exactly with the coefficient; t and p are unchanged).
sc <- cc
sc$x1tiny <- sc$x1 * 1e-300
sc$x1huge <- sc$x1 * 1e300
sc$x1near <- sc$x1 + 1e-6 * sc$x2     # 1 - R^2 about 1e-12: estimable by R's rule (old pathlab said collinear)
sc$x1coll <- sc$x1 + 1e-9 * sc$x2     # unexplained norm about 1e-9 of its own: R reports NA
base2 <- lm(y ~ x1 + x2, data = sc)
tiny <- lm(y ~ x1tiny + x2, data = sc)
huge <- lm(y ~ x1huge + x2, data = sc)
near <- lm(y ~ x1 + x1near, data = sc)
coll <- lm(y ~ x1 + x1coll, data = sc)
scaling <- list(
  base = fitInfo(base2),
  tinyCoef = unname(coef(tiny)), tinySE = unname(coef(summary(tiny))[, 2]),
  hugeCoef = unname(coef(huge)),
  near = c(fitInfo(near), list(HC3 = unname(vcovHC(near, type = "HC3")), hat = unname(hatvalues(near))[1:10])),
  collNA = unname(is.na(coef(coll))),
  rank = list(tiny = tiny$rank, huge = huge$rank, near = near$rank, coll = coll$rank))
# The two constructed columns, for the complete cases of the main model (rows of `cc`); the CSV keeps
# 15 significant digits, so refit on exactly what the tests read.
write.csv(sc[, c("x1near", "x1coll")], "test/goldens/regression-scaling.csv", row.names = FALSE)
sr <- cbind(cc[, c("y", "x1", "x2")], read.csv("test/goldens/regression-scaling.csv"))
near2 <- lm(y ~ x1 + x1near, data = sr)
# On this design (kappa about 1e6) sandwich's bread %*% meat %*% bread cancels digits away (its HC3
# diagonal is off by 0.7% against a 50-digit computation). The same estimator through the QR
# factors, V = R^-1 Q' diag(w) Q R^-T, keeps them (agrees with the 50-digit value to about 1e-10).
qrN <- qr(model.matrix(near2)); Qn <- qr.Q(qrN); Rn <- qr.R(qrN)
hN <- rowSums(Qn^2); wN <- residuals(near2)^2 / (1 - hN)^2
AN <- backsolve(Rn, t(Qn))
scaling$near <- c(fitInfo(near2), list(HC3 = unname(AN %*% (wN * t(AN))), HC3sandwich = unname(vcovHC(near2, type = "HC3")),
                                       hat = unname(hatvalues(near2))[1:10]))
scaling$collNA <- unname(is.na(coef(lm(y ~ x1 + x1coll, data = sr))))

out <- list(main = main, noint = noint, hier = hier, iv1 = iv1, iv2 = iv2, scaling = scaling, R = R.version.string)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE), "test/goldens/regression.json")
