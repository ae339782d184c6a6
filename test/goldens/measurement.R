# Golden values for src/measurement. Run from the repository root:
#   Rscript test/goldens/measurement.R   -> test/goldens/measurement.json
# psych 2.2.9, semTools 0.5.6, lavaan 0.6.x
suppressMessages({ library(jsonlite); library(psych); library(semTools) })
hs <- read.csv("test/fixtures/hs1939.csv")
lk <- read.csv("test/fixtures/likert.csv")
out <- list()

alpha_gold <- function(d) {
  a <- suppressWarnings(psych::alpha(d, warnings = FALSE))
  list(
    total = as.list(a$total),
    drop = lapply(as.list(a$alpha.drop), unname),
    stats = lapply(as.list(a$item.stats), unname)
  )
}
out$alpha_visual <- alpha_gold(hs[, c("x1", "x2", "x3")])
out$alpha_all9 <- alpha_gold(hs[, paste0("x", 1:9)])
out$alpha_tr <- alpha_gold(lk[, c("tr1", "tr2", "tr3", "tr4")])
out$alpha_lo <- alpha_gold(lk[, c("lo1", "lo2", "lo3", "lo4")])
out$alpha_two <- alpha_gold(hs[, c("x4", "x5")])

hsModel <- "visual =~ x1 + x2 + x3\n textual =~ x4 + x5 + x6\n speed =~ x7 + x8 + x9"
lkModel <- "tr =~ tr1 + tr2 + tr3 + tr4\n sa =~ sa1 + sa2 + sa3 + sa4\n lo =~ lo1 + lo2 + lo3 + lo4"
m <- function(h) unname(unclass(h)[, , drop = TRUE])
x9 <- hs[, paste0("x", 1:9)]
out$htmt_hs_data <- m(htmt(hsModel, data = x9, htmt2 = FALSE))
out$htmt2_hs_data <- m(htmt(hsModel, data = x9, htmt2 = TRUE))
out$htmt_hs_cov <- m(htmt(hsModel, sample.cov = cov(x9), htmt2 = FALSE))
out$htmt2_hs_cov <- m(htmt(hsModel, sample.cov = cov(x9), htmt2 = TRUE))
out$htmt_hs_signed <- m(htmt(hsModel, data = x9, htmt2 = FALSE, absolute = FALSE))
l12 <- lk[, 1:12]
out$htmt_lk_data <- m(htmt(lkModel, data = l12, htmt2 = FALSE))
out$htmt2_lk_data <- m(htmt(lkModel, data = l12, htmt2 = TRUE))
out$htmt2_lk_cor <- m(htmt(lkModel, sample.cov = cor(l12), htmt2 = TRUE))
# semTools 0.5-6 defaults: htmt2 = TRUE, and absolute is ignored under htmt2
out$htmt_hs_default <- m(htmt(hsModel, data = x9))
out$htmt_hs_default_signed <- m(htmt(hsModel, data = x9, absolute = FALSE, missing = "listwise"))

ev <- eigen(cor(x9), symmetric = TRUE)$values
out$pca_hs <- list(first = ev[1], share = ev[1] / 9, values = ev)
ev2 <- eigen(cor(l12), symmetric = TRUE)$values
out$pca_lk <- list(first = ev2[1], share = ev2[1] / 12)

paf <- function(d, ...) {
  f <- psych::fa(d, nfactors = 1, fm = "pa", rotate = "none", ...)
  L <- as.numeric(f$loadings)
  if (sum(L) < 0) L <- -L
  list(loadings = L, ss = sum(L^2), share = sum(L^2) / ncol(d), communalities = unname(f$communality),
       iterations = length(f$communality.iterations))
}
out$paf_hs <- paf(x9)
out$paf_lk <- paf(l12)
out$paf_hs_tight <- paf(x9, min.err = 1e-13, max.iter = 5000)

# Lindell & Whitney (2001) marker adjustment, formulas evaluated in R for the likert data
rM <- cor(lk$marker, lk$tr1)
r <- cor(lk$tr1, lk$sa1)
radj <- (r - rM) / (1 - rM)
n <- nrow(lk)
t <- radj / sqrt((1 - radj^2) / (n - 3))
out$marker <- list(r = r, rM = rM, n = n, radj = radj, t = t, p = 2 * pt(-abs(t), n - 3))

writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, na = "null"), "test/goldens/measurement.json")
