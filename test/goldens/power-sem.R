# Golden values for powerSem (src/sem/power-sem.ts). Run from the repo root:
#   Rscript test/goldens/power-sem.R        (about 2-4 minutes: 2 x 1000 lavaan fits)
# 1. Population covariance matrices implied by fixed-value models, with residual variances chosen
#    here by iteration so that every variable (observed and latent) has variance 1 unless written
#    (pathlab's convention), computed by lavaan (a model with no free parameter, as simulateData does).
# 2. A plain Monte Carlo loop: MASS::mvrnorm data from the implied covariance, lavaan::sem fit of the
#    analysis model (values freed, lavaan defaults), per parameter the rejection rate (p < .05),
#    coverage of the 95% Wald interval of the population value, mean estimate, SD and mean SE,
#    non-convergence and improper solutions. Different random streams from pathlab's: the test
#    compares within Monte Carlo error.
suppressMessages({ library(lavaan); library(MASS); library(jsonlite) })
out <- list(lavaan = as.character(packageVersion("lavaan")))

# Implied covariance of a model whose every parameter is fixed; `resid` holds the variances of
# every variable, `vars` the variables whose residual variance is solved for (variance 1).
implied <- function(body, resid) {
  m <- paste(c(body, sprintf("%s ~~ %.17g*%s", names(resid), resid, names(resid))), collapse = "\n")
  fit <- lavaan(m, sample.nobs = 100)
  list(ov = lavInspect(fit, "implied")$cov, lv = lavInspect(fit, "cov.lv"))
}
standardize <- function(body, resid, solve) {
  for (it in 1:50) {
    im <- implied(body, resid)
    v <- c(diag(im$ov), diag(im$lv))
    resid[solve] <- resid[solve] + (1 - v[solve])
  }
  im <- implied(body, resid)
  list(resid = resid, sigma = unclass(im$ov), names = rownames(im$ov),
       maxdev = max(abs(c(diag(im$ov), diag(im$lv))[solve] - 1)))
}

# --- 1a. The latent mediation model used by the simulation.
pop_med <- "X =~ 0.7*x1 + 0.7*x2 + 0.7*x3
M =~ 0.7*m1 + 0.6*m2 + 0.8*m3
Y =~ 0.7*y1 + 0.7*y2 + 0.6*y3
M ~ a*0.4*X
Y ~ b*0.3*M + 0.1*X
ab := a*b"
body_med <- c("X =~ 0.7*x1 + 0.7*x2 + 0.7*x3", "M =~ 0.7*m1 + 0.6*m2 + 0.8*m3",
              "Y =~ 0.7*y1 + 0.7*y2 + 0.6*y3", "M ~ 0.4*X", "Y ~ 0.3*M + 0.1*X")
ovs <- c("x1", "x2", "x3", "m1", "m2", "m3", "y1", "y2", "y3")
r0 <- setNames(rep(0.5, 12), c(ovs, "X", "M", "Y")); r0["X"] <- 1
std_med <- standardize(body_med, r0, c(ovs, "M", "Y"))
out$population_mediation <- list(model = pop_med, names = std_med$names, sigma = std_med$sigma,
                                 resid = as.list(std_med$resid), maxdev = std_med$maxdev)

# --- 1b. A model with a written residual variance, a residual covariance, an observed predictor
# and a correlated pair of exogenous factors.
pop_b <- "F1 =~ 0.8*a1 + 0.6*a2 + 0.5*a3
F2 =~ 0.7*b1 + 0.7*b2 + 0.7*b3
F1 ~~ 0.3*F2
F3 =~ 0.6*c1 + 0.8*c2 + 0.7*c3
F3 ~ 0.3*F1 + 0.2*F2 + 0.25*z
a1 ~~ 0.5*a1
b1 ~~ 0.15*b2"
body_b <- c("F1 =~ 0.8*a1 + 0.6*a2 + 0.5*a3", "F2 =~ 0.7*b1 + 0.7*b2 + 0.7*b3", "F1 ~~ 0.3*F2",
            "F3 =~ 0.6*c1 + 0.8*c2 + 0.7*c3", "F3 ~ 0.3*F1 + 0.2*F2 + 0.25*z", "b1 ~~ 0.15*b2")
vb <- c("a1", "a2", "a3", "b1", "b2", "b3", "c1", "c2", "c3", "z", "F1", "F2", "F3")
rb <- setNames(rep(0.5, length(vb)), vb); rb[c("z", "F1", "F2")] <- 1
std_b <- standardize(body_b, rb, c("a2", "a3", "b1", "b2", "b3", "c1", "c2", "c3", "F3"))
out$population_b <- list(model = pop_b, names = std_b$names, sigma = std_b$sigma,
                         resid = as.list(std_b$resid), maxdev = std_b$maxdev)

# --- 2. The Monte Carlo loop.
analysis <- "X =~ x1 + x2 + x3
M =~ m1 + m2 + m3
Y =~ y1 + y2 + y3
M ~ a*X
Y ~ b*M + X
ab := a*b"
Sigma <- std_med$sigma
# Population values of the analysis parameters: the model fitted to Sigma itself.
pfit <- sem(analysis, sample.cov = Sigma, sample.nobs = 1000, sample.cov.rescale = FALSE)
pe0 <- parameterEstimates(pfit)
pt <- partable(pfit)
free <- pt$free[match(paste(pe0$lhs, pe0$op, pe0$rhs), paste(pt$lhs, pt$op, pt$rhs))]
truth <- pe0[pe0$op == ":=" | (free > 0 & !(pe0$op == "~~" & pe0$lhs == pe0$rhs)), ]
out$population_values <- truth[, c("lhs", "op", "rhs", "est")]

args <- commandArgs(TRUE)
reps <- if (length(args)) as.integer(args[1]) else 1000
run <- function(n, seed) {
  set.seed(seed)
  k <- nrow(truth)
  est <- se <- rej <- cov <- matrix(NA_real_, reps, k)
  conv <- heywood <- logical(reps)
  t0 <- proc.time()[["elapsed"]]
  for (r in 1:reps) {
    d <- as.data.frame(mvrnorm(n, rep(0, nrow(Sigma)), Sigma))
    fit <- tryCatch(suppressWarnings(sem(analysis, data = d)), error = function(e) NULL)
    if (is.null(fit) || !lavInspect(fit, "converged")) next
    conv[r] <- TRUE
    m <- lavInspect(fit, "est")
    heywood[r] <- any(diag(m$theta) < 0) || any(diag(m$psi) < 0)
    pe <- parameterEstimates(fit)
    pe <- pe[match(paste(truth$lhs, truth$op, truth$rhs), paste(pe$lhs, pe$op, pe$rhs)), ]
    est[r, ] <- pe$est; se[r, ] <- pe$se
    rej[r, ] <- pe$pvalue < 0.05
    cov[r, ] <- pe$ci.lower <= truth$est & truth$est <= pe$ci.upper
  }
  secs <- proc.time()[["elapsed"]] - t0
  ok <- conv
  data.frame(lhs = truth$lhs, op = truth$op, rhs = truth$rhs, population = truth$est,
             power = colMeans(rej[ok, , drop = FALSE]), coverage = colMeans(cov[ok, , drop = FALSE]),
             mean_est = colMeans(est[ok, , drop = FALSE]), sd_est = apply(est[ok, , drop = FALSE], 2, sd),
             mean_se = colMeans(se[ok, , drop = FALSE])) -> tab
  list(n = n, reps = reps, converged = sum(conv), heywood = sum(heywood[conv]), seconds = secs, table = tab)
}
out$simulation <- list(run(100, 101), run(200, 202))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE, matrix = "rowmajor"), "test/goldens/power-sem.json")
cat("done\n")
