# Times lavaan 0.6.14 on the SEM benchmark models; prints one JSON object
# {name: {ms: median per fit, chisq: ..., est: [free estimates]}} to stdout.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args)) as.integer(args[1]) else 20L
model_for <- function(items_per_factor) {
  j <- 0; lines <- character()
  for (f in seq_along(items_per_factor)) {
    idx <- j + seq_len(items_per_factor[f]); j <- j + items_per_factor[f]
    lines <- c(lines, paste0("f", f, " =~ ", paste0("i", idx, collapse = " + ")))
  }
  paste(lines, collapse = "\n")
}
d25 <- read.csv("test/goldens/sem-bench-25.csv")
d50 <- read.csv("test/goldens/sem-bench-50.csv")
cases <- list(
  list(name = "cfa-7f-25i-n278", data = d25, ipf = c(4, 4, 4, 4, 3, 3, 3)),
  list(name = "cfa-2f-10i-n500", data = d50, ipf = rep(5, 2)),
  list(name = "cfa-4f-20i-n500", data = d50, ipf = rep(5, 4)),
  list(name = "cfa-6f-30i-n500", data = d50, ipf = rep(5, 6)),
  list(name = "cfa-8f-40i-n500", data = d50, ipf = rep(5, 8)),
  list(name = "cfa-10f-50i-n500", data = d50, ipf = rep(5, 10))
)
out <- list()
for (cs in cases) {
  m <- model_for(cs$ipf)
  dat <- cs$data[, seq_len(sum(cs$ipf))]
  fit <- cfa(m, data = dat)
  times <- numeric(reps)
  for (r in seq_len(reps)) times[r] <- system.time(cfa(m, data = dat))[["elapsed"]] * 1000
  pe <- parameterEstimates(fit)
  out[[cs$name]] <- list(ms = median(times), chisq = fitMeasures(fit, "chisq")[[1]],
                         lhs = pe$lhs, op = pe$op, rhs = pe$rhs, est = pe$est)
}
cat(toJSON(out, digits = NA, auto_unbox = TRUE))
