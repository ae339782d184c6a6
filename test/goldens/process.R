# Golden values for src/process (PROCESS-equivalent conditional process analysis).
# Writes test/goldens/process-data.csv (seeded simulated data) and test/goldens/process.json.
# Point estimates, SEs (OLS, HC3, HC4 via sandwich), R2, F, interaction tests, conditional
# effects, Johnson-Neyman roots (polyroot) and indirect effects are exact (compare at 1e-8).
# Bootstrap percentile intervals come from boot::boot with B = 20000 (compare within Monte Carlo error).
suppressPackageStartupMessages({ library(sandwich); library(boot); library(jsonlite) })
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("--file=", "", args[grep("--file=", args)])))

set.seed(20240601)
n <- 250
x <- rnorm(n); w <- round(rnorm(n, 3, 1), 1); z <- rnorm(n); wd <- rbinom(n, 1, 0.4)
c1 <- rnorm(n); c2 <- rnorm(n)
m1 <- 0.5 * x + 0.3 * w + 0.25 * x * w + 0.2 * c1 + rnorm(n)
m2 <- 0.4 * x + 0.3 * m1 - 0.2 * x * w + 0.3 * wd * x + rnorm(n)
y <- 0.3 * x + 0.4 * m1 + 0.3 * m2 + 0.2 * w + 0.2 * m1 * w + 0.15 * x * w + 0.1 * z + 0.15 * x * z + 0.2 * c2 +
  rnorm(n) * (1 + 0.4 * abs(x))
d <- data.frame(x, w, z, wd, c1, c2, m1, m2, y)
d[] <- lapply(d, function(v) round(v, 6))
write.csv(d, file.path(here, "process-data.csv"), row.names = FALSE)
d <- read.csv(file.path(here, "process-data.csv"))

# Each model: roles and, per equation, its terms in pathlab's (PROCESS's) order; ":" = product.
models <- list(
  m1  = list(model = 1,  y = "y", x = "x", w = "w", eqs = list(y = c("x", "w", "x:w"))),
  m2  = list(model = 2,  y = "y", x = "x", w = "w", z = "z", eqs = list(y = c("x", "w", "z", "x:w", "x:z"))),
  m3  = list(model = 3,  y = "y", x = "x", w = "w", z = "z", eqs = list(y = c("x", "w", "x:w", "z", "x:z", "w:z", "x:w:z"))),
  m4  = list(model = 4,  y = "y", x = "x", m = c("m1", "m2"), cov = c("c1", "c2"),
             eqs = list(m1 = c("x", "c1", "c2"), m2 = c("x", "c1", "c2"), y = c("x", "m1", "m2", "c1", "c2"))),
  m5  = list(model = 5,  y = "y", x = "x", m = "m1", w = "w", eqs = list(m1 = c("x"), y = c("x", "m1", "w", "x:w"))),
  m6  = list(model = 6,  y = "y", x = "x", m = c("m1", "m2"), eqs = list(m1 = c("x"), m2 = c("x", "m1"), y = c("x", "m1", "m2"))),
  m7  = list(model = 7,  y = "y", x = "x", m = "m1", w = "w", cov = "c1",
             eqs = list(m1 = c("x", "w", "x:w", "c1"), y = c("x", "m1", "c1"))),
  m8  = list(model = 8,  y = "y", x = "x", m = "m1", w = "w", eqs = list(m1 = c("x", "w", "x:w"), y = c("x", "m1", "w", "x:w"))),
  m14 = list(model = 14, y = "y", x = "x", m = "m1", w = "w", eqs = list(m1 = c("x"), y = c("x", "m1", "w", "m1:w"))),
  m15 = list(model = 15, y = "y", x = "x", m = "m1", w = "w", eqs = list(m1 = c("x"), y = c("x", "m1", "w", "m1:w", "x:w"))),
  m21 = list(model = 21, y = "y", x = "x", m = "m1", w = "w", z = "z", eqs = list(m1 = c("x", "w", "x:w"), y = c("x", "m1", "z", "m1:z"))),
  m58 = list(model = 58, y = "y", x = "x", m = "m1", w = "w", eqs = list(m1 = c("x", "w", "x:w"), y = c("x", "m1", "w", "m1:w"))),
  m59 = list(model = 59, y = "y", x = "x", m = "m1", w = "wd", eqs = list(m1 = c("x", "wd", "x:wd"), y = c("x", "m1", "wd", "m1:wd", "x:wd")))
)

col <- function(term) Reduce(`*`, lapply(strsplit(term, ":")[[1]], function(v) d[[v]]))
design <- function(terms) { X <- sapply(terms, col); colnames(X) <- make.names(terms); X }
pct <- function(v) unname(quantile(v, c(.16, .5, .84), type = 1))
probe <- function(v) if (length(unique(v)) == 2) sort(unique(v)) else pct(v)

fit_eq <- function(outcome, terms) {
  X <- design(terms)
  df <- data.frame(yy = d[[outcome]], X)
  f <- lm(yy ~ ., data = df)
  s <- summary(f)
  k <- length(terms)
  V3 <- vcovHC(f, type = "HC3"); V4 <- vcovHC(f, type = "HC4")
  wald <- function(V, idx) { b <- coef(f)[idx]; as.numeric(t(b) %*% solve(V[idx, idx, drop = FALSE], b)) / length(idx) }
  order <- sapply(strsplit(terms, ":"), length)
  tests <- list()
  if (max(order) > 1) {
    hi <- which(order == max(order))
    sets <- lapply(hi, function(i) i)
    for (i in hi) {
      red <- lm(yy ~ ., data = df[, c(1, 1 + setdiff(seq_len(k), i)), drop = FALSE])
      r2c <- s$r.squared - summary(red)$r.squared
      tests[[length(tests) + 1]] <- list(term = terms[i], r2chng = r2c, F = r2c / ((1 - s$r.squared) / f$df.residual),
        F_hc3 = wald(V3, i + 1))
    }
  }
  list(outcome = outcome, terms = terms, coef = unname(coef(f)), se = unname(sqrt(diag(vcov(f)))),
       se_hc3 = unname(sqrt(diag(V3))), se_hc4 = unname(sqrt(diag(V4))),
       r2 = s$r.squared, mse = s$sigma^2, F = unname(s$fstatistic[1]), df2 = f$df.residual,
       F_hc3 = wald(V3, 2:(k + 1)), tests = tests, fit = f, V = vcov(f), V3 = V3)
}

# Conditional effect of `focal` at moderator values `at` (named list): gradient of the linear predictor.
cond_effect <- function(e, focal, at) {
  g <- c(0, sapply(e$terms, function(t) {
    fs <- strsplit(t, ":")[[1]]
    if (!(focal %in% fs)) return(0)
    others <- setdiff(fs, focal)
    if (length(others) == 0) 1 else prod(unlist(at[others]))
  }))
  est <- sum(g * coef(e$fit)); se <- sqrt(as.numeric(t(g) %*% e$V %*% g))
  list(effect = est, se = se, t = est / se, p = 2 * pt(-abs(est / se), e$df2))
}

out <- list()
for (nm in names(models)) {
  mdef <- models[[nm]]
  eqs <- lapply(names(mdef$eqs), function(o) fit_eq(o, mdef$eqs[[o]]))
  res <- list(model = mdef$model, equations = lapply(eqs, function(e) e[c("outcome", "terms", "coef", "se", "se_hc3", "se_hc4", "r2", "mse", "F", "df2", "F_hc3", "tests")]))
  wv <- if (!is.null(mdef$w)) probe(d[[mdef$w]]) else NULL
  zv <- if (!is.null(mdef$z)) probe(d[[mdef$z]]) else NULL
  res$wvals <- wv; res$zvals <- zv
  ye <- eqs[[length(eqs)]]
  if (mdef$model %in% c(1, 2, 3)) {
    grid <- if (is.null(zv)) lapply(wv, function(a) setNames(list(a), mdef$w)) else
      unlist(lapply(wv, function(a) lapply(zv, function(b) setNames(list(a, b), c(mdef$w, mdef$z)))), recursive = FALSE)
    res$conditional <- lapply(grid, function(at) c(at, cond_effect(ye, "x", at)))
  }
  # Johnson-Neyman roots of (e0 + e1 v)^2 - t^2 (v00 + 2 v v01 + v^2 v11) = 0
  jn <- function(i0, i1, mod) {
    b <- coef(ye$fit); V <- ye$V; tc <- qt(0.975, ye$df2)
    cc <- c(b[i0]^2 - tc^2 * V[i0, i0], 2 * (b[i0] * b[i1] - tc^2 * V[i0, i1]), b[i1]^2 - tc^2 * V[i1, i1])
    r <- polyroot(cc); r <- sort(Re(r[abs(Im(r)) < 1e-8]))
    r[r >= min(d[[mod]]) & r <= max(d[[mod]])]
  }
  if (mdef$model == 1) res$jn <- jn(2, 4, "w")
  if (mdef$model == 3) res$jn <- jn(4, 8, "z")
  # Indirect effects (point estimates), coded by hand per model.
  cf <- function(e, term) coef(e$fit)[make.names(term)]
  if (mdef$model == 4) res$indirect <- c(cf(eqs[[1]], "x") * cf(ye, "m1"), cf(eqs[[2]], "x") * cf(ye, "m2"))
  if (mdef$model == 6) res$indirect <- c(cf(eqs[[1]], "x") * cf(ye, "m1"),
                                          cf(eqs[[1]], "x") * cf(eqs[[2]], "m1") * cf(ye, "m2"),
                                          cf(eqs[[2]], "x") * cf(ye, "m2"))
  if (mdef$model == 5) res$indirect <- cf(eqs[[1]], "x") * cf(ye, "m1")
  if (mdef$model %in% c(7, 8)) { a1 <- cf(eqs[[1]], "x"); a3 <- cf(eqs[[1]], "x:w"); b <- cf(ye, "m1")
    res$indirect <- (a1 + a3 * wv) * b; res$index <- a3 * b }
  if (mdef$model %in% c(14, 15)) { a <- cf(eqs[[1]], "x"); b1 <- cf(ye, "m1"); b3 <- cf(ye, "m1:w")
    res$indirect <- a * (b1 + b3 * wv); res$index <- a * b3 }
  if (mdef$model == 21) { a1 <- cf(eqs[[1]], "x"); a3 <- cf(eqs[[1]], "x:w"); b1 <- cf(ye, "m1"); b3 <- cf(ye, "m1:z")
    res$indirect <- unlist(lapply(wv, function(a) sapply(zv, function(b) (a1 + a3 * a) * (b1 + b3 * b))))  # w-major
    res$index_w_at_z <- a3 * (b1 + b3 * zv); res$index_z_at_w <- (a1 + a3 * wv) * b3 }
  if (mdef$model %in% c(58, 59)) { wn <- mdef$w; a1 <- cf(eqs[[1]], "x"); a3 <- cf(eqs[[1]], paste0("x:", wn))
    b1 <- cf(ye, "m1"); b3 <- cf(ye, paste0("m1:", wn)); res$indirect <- (a1 + a3 * wv) * (b1 + b3 * wv)
    if (mdef$model == 59) res$index <- diff(res$indirect) }
  if (mdef$model %in% c(5, 8, 15, 59)) res$direct <- sapply(wv, function(a) cond_effect(ye, "x", setNames(list(a), mdef$w))$effect)
  if (mdef$model %in% c(4, 6)) {
    cv <- mdef$cov; te <- fit_eq("y", c("x", cv)); res$total <- c(te$coef[2], te$se[2])
  }
  if (mdef$model == 4) {
    a <- sapply(1:2, function(i) cf(eqs[[i]], "x")); b <- c(cf(ye, "m1"), cf(ye, "m2"))
    sa <- sapply(1:2, function(i) eqs[[i]]$se[2]); sb <- ye$se[3:4]
    res$sobel_se <- sqrt(a^2 * sb^2 + b^2 * sa^2); res$aroian_se <- sqrt(a^2 * sb^2 + b^2 * sa^2 + sa^2 * sb^2)
    res$stand_ps <- res$indirect / sd(d$y); res$stand_cs <- res$indirect * sd(d$x) / sd(d$y)
  }
  out[[nm]] <- res
}

# Exact check of the resampling engine: coefficients on three given resamples (1-based indices).
set.seed(7)
idx <- lapply(1:3, function(i) sample.int(n, n, replace = TRUE))
rs <- lapply(idx, function(ii) {
  dd <- d[ii, ]
  c(coef(lm(m1 ~ x + c1 + c2, dd)), coef(lm(m2 ~ x + c1 + c2, dd)), coef(lm(y ~ x + m1 + m2 + c1 + c2, dd)))
})
out$resamples <- list(indices = idx, coefs = lapply(rs, unname))

# Bootstrap percentile intervals with boot::boot (B = 20000), statistics via lm.fit.
B <- 20000
X1 <- function(dd, cols) cbind(1, as.matrix(dd[, cols, drop = FALSE]))
lf <- function(X, yv) .lm.fit(X, yv)$coefficients
stat4 <- function(dd, i) { dd <- dd[i, ]
  a1 <- lf(X1(dd, c("x", "c1", "c2")), dd$m1)[2]; a2 <- lf(X1(dd, c("x", "c1", "c2")), dd$m2)[2]
  b <- lf(X1(dd, c("x", "m1", "m2", "c1", "c2")), dd$y)[3:4]
  c(a1 * b[1], a2 * b[2], a1 * b[1] + a2 * b[2]) }
dd7 <- transform(d, xw = x * w)
wv7 <- probe(d$w)
stat7 <- function(dd, i) { dd <- dd[i, ]
  a <- lf(X1(dd, c("x", "w", "xw", "c1")), dd$m1); b <- lf(X1(dd, c("x", "m1", "c1")), dd$y)[3]
  c((a[2] + a[4] * wv7) * b, a[4] * b) }
dd14 <- transform(d, mw = m1 * w)
stat14 <- function(dd, i) { dd <- dd[i, ]
  a <- lf(X1(dd, "x"), dd$m1)[2]; b <- lf(X1(dd, c("x", "m1", "w", "mw")), dd$y)
  c(a * (b[3] + b[5] * wv7), a * b[5]) }
bci <- function(bt) lapply(seq_len(ncol(bt$t)), function(j) {
  ci <- boot.ci(bt, conf = 0.95, type = "perc", index = j)$percent[4:5]
  list(t0 = unname(bt$t0[j]), se = sd(bt$t[, j]), lower = ci[1], upper = ci[2]) })
set.seed(11); out$boot <- list(B = B,
  m4 = bci(boot(d, stat4, R = B)),
  m7 = bci(boot(dd7, stat7, R = B)),
  m14 = bci(boot(dd14, stat14, R = B)))

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null"), file.path(here, "process.json"))
cat("wrote process.json\n")
