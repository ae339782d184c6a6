# Goldens for SEM convergence from the default start values: lavaan 0.6.14 on four samples where
# pathlab's sem() once ran off (a factor variance → 0, its loadings → −4e5) and stopped unconverged.
# Run from the repository root: Rscript test/goldens/sem-convergence.R
# Reads test/goldens/sem-convergence.csv, writes test/goldens/sem-convergence.json (estimates, SEs,
# χ², and lavaan's start values of the loadings).
#
# The data: N = 100 draws (pathlab's mvrnorm, seeds 1055, 1143, 1164, 1186) from a three-factor
# latent mediation population (AMC → CIA → SPEED; standardised loadings 0.68–0.92, a = 0.60,
# b = 0.22, c' = 0), values rounded to six decimals; column `sample` is the draw (k of seed 1000 + k).
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
dir <- "test/goldens"

model <- "
AMC =~ coord + proact + transf + learn
CIA =~ rad1 + rad2 + rad3 + inc1 + inc2 + inc3
SPEED =~ speed1 + speed2 + speed3 + speed4 + speed5
CIA ~ a*AMC
SPEED ~ b*CIA + cp*AMC
indirect := a*b"

D <- read.csv(file.path(dir, "sem-convergence.csv"))
cases <- lapply(split(D, D$sample), function(d) {
  k <- d$sample[1]
  d$sample <- NULL
  fit <- sem(model, data = d)
  pe <- parameterEstimates(fit)
  pt <- parTable(fit)
  list(
    sample = k, converged = lavInspect(fit, "converged"), iterations = lavInspect(fit, "iterations"),
    chisq = unname(fitMeasures(fit, "chisq")), df = unname(fitMeasures(fit, "df")),
    pe = pe[, c("lhs", "op", "rhs", "label", "est", "se")],
    start = pt[pt$op == "=~", c("lhs", "op", "rhs", "start")]
  )
})
out <- list(lavaan = as.character(packageVersion("lavaan")), model = model, data = "sem-convergence.csv",
            cases = unname(cases))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = FALSE), file.path(dir, "sem-convergence.json"))
