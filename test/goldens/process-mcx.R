# Golden values for process() with a multicategorical X (PROCESS's mcx, model 4).
# Writes test/goldens/process-mcx.csv (iris with Species as the numeric codes 5 = setosa,
# 2 = versicolor, 9 = virginica, so the reference group is versicolor, the smallest value) and
# test/goldens/process-mcx.json.
# X's k sorted categories are coded into X1..X(k-1) with the four PROCESS codings (written here from
# their definitions), each equation fitted by lm(); SEs OLS or HC3 (sandwich); omnibus tests of the
# direct and total effects by anova() of nested lm() fits (or the Wald F with vcovHC when hc = 3).
# Relative indirect effects a_ij * b_j are exact (compare at 1e-8); their percentile intervals come
# from boot::boot (B = 5000, type "perc"), to compare within Monte Carlo error.
suppressPackageStartupMessages({ library(sandwich); library(boot); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("--file=", "", args[grep("--file=", args)])))

ir <- data.frame(species = c(setosa = 5, versicolor = 2, virginica = 9)[as.character(iris$Species)],
                 sl = iris$Sepal.Length, sw = iris$Sepal.Width, pl = iris$Petal.Length, pw = iris$Petal.Width)
write.csv(ir, file.path(here, "process-mcx.csv"), row.names = FALSE)
ir <- read.csv(file.path(here, "process-mcx.csv"))
mt <- read.csv(file.path(here, "mtcars.csv"))

coding <- function(k, code) {
  D <- matrix(0, k, k - 1)
  for (g in 1:k) for (i in 1:(k - 1)) {
    D[g, i] <- switch(code,
      as.numeric(g == i + 1),
      as.numeric(g > i),
      if (g < i) 0 else if (g == i) -(k - i) / (k - i + 1) else 1 / (k - i + 1),
      if (g == i + 1) 1 else if (g == 1) -1 else 0)
  }
  D
}

wald <- function(f, V, idx) { b <- coef(f)[idx]; as.numeric(t(b) %*% solve(V[idx, idx], b)) / length(idx) }

eq_out <- function(f, hc) {
  V <- if (hc) vcovHC(f, type = "HC3") else vcov(f)
  k <- length(coef(f)) - 1
  s <- summary(f)
  Fv <- if (hc) wald(f, V, 2:(k + 1)) else unname(s$fstatistic[1])
  list(coef = unname(coef(f)), se = unname(sqrt(diag(V))), r2 = s$r.squared, F = Fv, df2 = f$df.residual)
}

omnibus <- function(full, reduced, hc, idx) {
  if (hc) {
    Fv <- wald(full, vcovHC(full, type = "HC3"), idx)
  } else Fv <- anova(reduced, full)$F[2]
  list(r2chng = summary(full)$r.squared - summary(reduced)$r.squared, F = Fv, df1 = length(idx), df2 = full$df.residual)
}

run <- function(d, x, ms, y, cov, code, hc, B) {
  lv <- sort(unique(d[[x]])); k <- length(lv)
  C <- coding(k, code)
  D <- C[match(d[[x]], lv), , drop = FALSE]
  colnames(D) <- paste0("X", 1:(k - 1))
  dd <- cbind(as.data.frame(D), d[c(ms, y, cov)])
  dn <- colnames(D)
  fm <- function(out, rhs) as.formula(paste(out, "~", paste(rhs, collapse = " + ")))
  fits <- function(dat) {
    mf <- lapply(ms, function(m) lm(fm(m, c(dn, cov)), data = dat))
    yf <- lm(fm(y, c(dn, ms, cov)), data = dat)
    list(m = mf, y = yf)
  }
  f <- fits(dd)
  tf <- lm(fm(y, c(dn, cov)), data = dd)
  red_y <- lm(fm(y, c("1", ms, cov)), data = dd)
  red_t <- lm(fm(y, c("1", cov)), data = dd)
  ind <- function(ff) unlist(lapply(seq_along(ms), function(j) coef(ff$m[[j]])[dn] * coef(ff$y)[ms[j]]))
  est <- ind(f)
  out <- list(x = x, m = ms, y = y, cov = cov, mcx = code, hc = hc, levels = lv, coding = C,
              equations = c(lapply(f$m, eq_out, hc = hc), list(eq_out(f$y, hc))),
              total = eq_out(tf, hc),
              directOmnibus = omnibus(f$y, red_y, hc, 2:k), totalOmnibus = omnibus(tf, red_t, hc, 2:k),
              indirect = unname(est))
  if (B > 0) {
    set.seed(20261129)
    bt <- boot(dd, function(dat, i) ind(fits(dat[i, ])), R = B)
    ci <- t(sapply(seq_along(est), function(j) boot.ci(bt, type = "perc", index = j)$percent[4:5]))
    out$boot <- list(B = B, se = unname(apply(bt$t, 2, sd)), llci = unname(ci[, 1]), ulci = unname(ci[, 2]))
  }
  out
}

# Model 1: Y ~ X1..X(k-1) + W + Xi:W (+ cov). The relative conditional effects at W = w0 and their
# omnibus test come from refitting with W centred at w0 (the Xi coefficients are then the conditional
# effects), an independent route to the same numbers.
pct <- function(v) unname(quantile(v, c(.16, .5, .84), type = 1))
run1 <- function(d, x, w, y, cov, code, hc, wvals = NULL) {
  lv <- sort(unique(d[[x]])); k <- length(lv)
  C <- coding(k, code)
  D <- C[match(d[[x]], lv), , drop = FALSE]
  dn <- paste0("X", 1:(k - 1)); pn <- paste0("Int_", 1:(k - 1))
  fitAt <- function(w0) {
    dd <- as.data.frame(D); colnames(dd) <- dn
    ww <- d[[w]] - w0
    for (i in 1:(k - 1)) dd[[pn[i]]] <- D[, i] * ww
    dd$W <- ww; dd[c(y, cov)] <- d[c(y, cov)]
    list(dd = dd, f = lm(as.formula(paste(y, "~", paste(c(dn, "W", pn, cov), collapse = " + "))), data = dd))
  }
  base <- fitAt(0)
  red <- lm(as.formula(paste(y, "~", paste(c(dn, "W", cov), collapse = " + "))), data = base$dd)
  wv <- if (is.null(wvals)) pct(d[[w]]) else wvals
  cond <- lapply(wv, function(w0) {
    fa <- fitAt(w0)
    V <- if (hc) vcovHC(fa$f, type = "HC3") else vcov(fa$f)
    idx <- 2:k
    list(w = w0, effect = unname(coef(fa$f)[idx]), se = unname(sqrt(diag(V))[idx]), F = wald(fa$f, V, idx))
  })
  list(x = x, w = w, y = y, cov = cov, mcx = code, hc = hc, levels = lv, coding = C, wmodval = wvals,
       equation = eq_out(base$f, hc), interaction = omnibus(base$f, red, hc, (k + 2):(2 * k)), conditional = cond)
}

runs <- list()
for (code in 1:4) runs[[paste0("iris_mcx", code)]] <- run(ir, "species", c("pl", "sl"), "sw", character(0), code, FALSE, 5000)
for (code in 1:4) runs[[paste0("iris_hc3_mcx", code)]] <- run(ir, "species", "pl", "sw", "pw", code, TRUE, 0)
for (code in 1:4) runs[[paste0("mtcars_carb_mcx", code)]] <- run(mt, "carb", "hp", "mpg", "wt", code, FALSE, 0)
m1 <- list()
for (code in 1:4) m1[[paste0("iris_m1_mcx", code)]] <- run1(ir, "species", "sl", "sw", character(0), code, FALSE)
for (code in 1:4) m1[[paste0("iris_m1_hc3_mcx", code)]] <- run1(ir, "species", "sl", "sw", "pw", code, TRUE, c(5, 6.5))
for (code in 1:4) m1[[paste0("mtcars_m1_mcx", code)]] <- run1(mt, "cyl", "wt", "mpg", character(0), code, FALSE)
runs$model1 <- m1
writeLines(toJSON(runs, digits = NA, auto_unbox = TRUE, pretty = FALSE), file.path(here, "process-mcx.json"))
