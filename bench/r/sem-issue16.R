# Times lavaan 0.6.14 on issue 16's benchmark cases (multiple groups, FIML, MLR); prints one JSON
# object {name: {ms: median per fit incl. fitMeasures(), chisq, cfi}} on its last line.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args)) as.integer(args[1]) else 3L
hs <- read.csv("test/goldens/sem-hs-school.csv", stringsAsFactors = FALSE)
bfi <- read.csv("notebooks/data/bfi.csv")
hs.model <- ' visual =~ x1 + x2 + x3
              textual =~ x4 + x5 + x6
              speed =~ x7 + x8 + x9 '
big5 <- ' A =~ A1 + A2 + A3 + A4 + A5
          C =~ C1 + C2 + C3 + C4 + C5
          E =~ E1 + E2 + E3 + E4 + E5
          N =~ N1 + N2 + N3 + N4 + N5
          O =~ O1 + O2 + O3 + O4 + O5 '
cases <- list(
  "mg-hs-scalar" = function() cfa(hs.model, hs, group = "school", group.equal = c("loadings", "intercepts")),
  "fiml-bfi" = function() cfa(big5, bfi, missing = "ml"),
  "mlr-bfi" = function() cfa(big5, bfi, estimator = "MLR"),
  "fiml-mlr-bfi" = function() cfa(big5, bfi, missing = "ml", estimator = "MLR")
)
out <- list()
for (nm in names(cases)) {
  f <- cases[[nm]]
  fit <- f(); fm <- fitMeasures(fit)
  n <- if (nm == "mg-hs-scalar") 10L else reps
  times <- numeric(n)
  for (r in seq_len(n)) times[r] <- system.time({ x <- f(); fitMeasures(x) })[["elapsed"]] * 1000
  out[[nm]] <- list(ms = median(times), chisq = fm[["chisq"]], cfi = fm[["cfi"]])
}
cat(toJSON(out, digits = NA, auto_unbox = TRUE))
