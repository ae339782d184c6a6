# Golden values for compRelSEM/AVE (src/measurement/comp-rel.ts) against semTools 0.5-6 on
# lavaan 0.6-14 fits. Run from the repository root:
#   Rscript test/goldens/psych-comprel.R   -> test/goldens/psych-comprel.json
suppressMessages({ library(jsonlite); library(lavaan); library(semTools) })
hs <- read.csv("test/fixtures/hs1939.csv")
bfi <- read.csv("notebooks/data/bfi.csv")
out <- list()
v <- function(x) as.list(unclass(x))
gold <- function(fit) list(
  omega = v(compRelSEM(fit)), omega_implied = v(compRelSEM(fit, obs.var = FALSE)),
  alpha = v(compRelSEM(fit, tau.eq = TRUE)), total = v(compRelSEM(fit, return.total = TRUE)),
  alpha_total = v(compRelSEM(fit, tau.eq = TRUE, return.total = TRUE)),
  ave = v(AVE(fit)), ave_implied = v(AVE(fit, obs.var = FALSE)))
hsModel <- "visual =~ x1 + x2 + x3\n textual =~ x4 + x5 + x6\n speed =~ x7 + x8 + x9"
out$hs <- gold(cfa(hsModel, data = hs))
out$hs_cross <- gold(cfa(paste(hsModel, "\n visual =~ x9"), data = hs))
out$hs_sem <- gold(sem(paste(hsModel, "\n textual ~ visual\n speed ~ visual + textual"), data = hs))
bfiModel <- "agree =~ A1 + A2 + A3 + A4 + A5\n consc =~ C1 + C2 + C3 + C4 + C5\n extra =~ E1 + E2 + E3 + E4 + E5"
out$bfi <- gold(cfa(bfiModel, data = bfi))
writeLines(toJSON(out, digits = I(12), auto_unbox = TRUE, na = "null", null = "null"), "test/goldens/psych-comprel.json")
