# Goldens for multiple-group SEM, measurement invariance and lavTestLRT (issue 16 items 1-3):
# lavaan 0.6.14 on HolzingerSwineford1939 by school.
# Run: Rscript test/goldens/sem-groups.R   (writes test/goldens/sem-groups.json and sem-hs-school.csv)
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
dir <- "test/goldens"

d <- HolzingerSwineford1939[, c(paste0("x", 1:9), "school", "grade", "sex", "ageyr")]
d$school <- as.character(d$school)
write.csv(d, file.path(dir, "sem-hs-school.csv"), row.names = FALSE)
hs <- read.csv(file.path(dir, "sem-hs-school.csv"), stringsAsFactors = FALSE)

fm <- c("npar", "chisq", "df", "pvalue", "baseline.chisq", "baseline.df", "baseline.pvalue",
        "cfi", "tli", "nnfi", "nfi", "ifi", "rni", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper",
        "rmsea.pvalue", "srmr", "gfi", "agfi", "logl", "unrestricted.logl", "aic", "bic", "bic2")

dump <- function(fit, extra = list()) {
  pe <- parameterEstimates(fit)
  sa <- standardizedSolution(fit, type = "std.all")
  sl <- standardizedSolution(fit, type = "std.lv")
  imp <- lavInspect(fit, "implied")
  r2 <- lavInspect(fit, "rsquare")
  out <- list(
    ov = lavNames(fit, "ov"),
    group_labels = lavInspect(fit, "group.label"),
    nobs = lavInspect(fit, "nobs"),
    pe = pe[, intersect(c("lhs", "op", "rhs", "group", "label", "est", "se", "z", "pvalue", "ci.lower", "ci.upper"), names(pe))],
    std_all = sa[, intersect(c("lhs", "op", "rhs", "group", "est.std", "se"), names(sa))],
    std_lv = sl[, intersect(c("lhs", "op", "rhs", "group", "est.std", "se"), names(sl))],
    fit = as.list(fitMeasures(fit, fm)),
    chisq_group = fit@test[[1]]$stat.group,
    implied_cov = lapply(imp, function(x) unclass(x$cov)),
    implied_mean = lapply(imp, function(x) as.numeric(x$mean)),
    rsquare = lapply(r2, as.list),
    converged = lavInspect(fit, "converged")
  )
  c(out, extra)
}
lrt <- function(...) {
  t <- lavTestLRT(...)
  list(model = rownames(t), Df = t$Df, AIC = t$AIC, BIC = t$BIC, Chisq = t$Chisq, Chisq_diff = t[["Chisq diff"]],
       RMSEA = if ("RMSEA" %in% names(t)) t$RMSEA else NULL, Df_diff = t[["Df diff"]], p = t[["Pr(>Chisq)"]])
}

hs.model <- ' visual  =~ x1 + x2 + x3
              textual =~ x4 + x5 + x6
              speed   =~ x7 + x8 + x9 '
G <- list()
conf <- cfa(hs.model, hs, group = "school")
metric <- cfa(hs.model, hs, group = "school", group.equal = "loadings")
scalar <- cfa(hs.model, hs, group = "school", group.equal = c("loadings", "intercepts"))
strict <- cfa(hs.model, hs, group = "school", group.equal = c("loadings", "intercepts", "residuals"))
partial <- cfa(hs.model, hs, group = "school", group.equal = c("loadings", "intercepts"), group.partial = "x3 ~ 1")
partial.strict <- cfa(hs.model, hs, group = "school", group.equal = c("loadings", "intercepts", "residuals"), group.partial = "x3 ~ 1")
opts <- function(ge, gp = NULL, more = list()) c(list(group = "school", group_equal = ge, group_partial = gp), more)
G$configural <- c(dump(conf), list(model = hs.model, options = opts(character(0))))
G$metric <- c(dump(metric), list(model = hs.model, options = opts("loadings")))
G$scalar <- c(dump(scalar), list(model = hs.model, options = opts(c("loadings", "intercepts"))))
G$strict <- c(dump(strict), list(model = hs.model, options = opts(c("loadings", "intercepts", "residuals"))))
G$partial_scalar <- c(dump(partial), list(model = hs.model, options = opts(c("loadings", "intercepts"), "x3 ~ 1")))
G$metric_stdlv <- c(dump(cfa(hs.model, hs, group = "school", group.equal = "loadings", std.lv = TRUE)),
  list(model = hs.model, options = opts("loadings", NULL, list(std_lv = TRUE))))
G$metric_wishart <- c(dump(cfa(hs.model, hs, group = "school", group.equal = "loadings", likelihood = "wishart")),
  list(model = hs.model, options = opts("loadings", NULL, list(likelihood = "wishart"))))

# All eight group.equal classes on a structural model with a residual covariance.
all8.model <- ' visual  =~ x1 + x2 + x3
                textual =~ x4 + x5 + x6
                speed   =~ x7 + x8 + x9
                speed ~ visual + textual
                x7 ~~ x8 '
all8 <- c("loadings", "intercepts", "means", "residuals", "residual.covariances", "lv.variances", "lv.covariances", "regressions")
G$all8 <- c(dump(sem(all8.model, hs, group = "school", group.equal = all8)), list(model = all8.model, options = opts(all8), fun = "sem"))
G$all8_config <- c(dump(sem(all8.model, hs, group = "school")), list(model = all8.model, options = opts(character(0)), fun = "sem"))

# Group-specific labels and values with c(...), a defined parameter across groups.
c.model <- ' visual  =~ x1 + c(l2a, l2b)*x2 + c(l3, l3)*x3
             textual =~ x4 + x5 + x6
             speed   =~ x7 + c(1, NA)*x8 + x9
             x1 ~ c(i1, i1)*1
             dl2 := l2a - l2b '
G$cmod <- c(dump(cfa(c.model, hs, group = "school")), list(model = c.model, options = opts(character(0))))

# Moments input per group (sample.cov / sample.mean / sample.nobs lists).
ov <- paste0("x", 1:9)
grp <- unique(hs$school)
covs <- setNames(lapply(grp, function(g) cov(hs[hs$school == g, ov])), grp)
means <- setNames(lapply(grp, function(g) colMeans(hs[hs$school == g, ov])), grp)
ns <- sapply(grp, function(g) sum(hs$school == g))
mom <- cfa(hs.model, sample.cov = covs, sample.mean = means, sample.nobs = as.list(ns), group.equal = c("loadings", "intercepts"))
G$moments <- c(dump(mom), list(model = hs.model, options = list(group_equal = c("loadings", "intercepts")),
  moments = lapply(seq_along(grp), function(k) list(cov = unclass(covs[[k]]), means = unname(means[[k]]), n = unname(ns[k]), names = ov, group = grp[k]))))

L <- list(
  steps = lrt(conf, metric, scalar, strict),
  partial = lrt(metric, partial, partial.strict)
)
writeLines(toJSON(list(models = G, lrt = L), digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = FALSE),
           file.path(dir, "sem-groups.json"))
cat("wrote", file.path(dir, "sem-groups.json"), "\n")
