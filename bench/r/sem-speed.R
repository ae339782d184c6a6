# Issue 18's SEM speed targets on lavaan 0.6.14, timed in the same run as bench/sem-speed.ts:
# the HolzingerSwineford1939 3-factor CFA (one fit with standard errors and every fit measure) and its
# bootstrap (se = "bootstrap", 1,000 draws, one process). Prints one JSON object {name: {ms, ...}}.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
reps <- if (length(args)) as.integer(args[1]) else 20L
boot_reps <- if (length(args) > 1) as.integer(args[2]) else 1L
HS <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
d <- read.csv("test/goldens/sem-hs-school.csv")[, paste0("x", 1:9)]
one <- function() fitMeasures(cfa(HS, data = d))
fm <- one()
times <- numeric(reps)
for (r in seq_len(reps)) times[r] <- system.time(one())[["elapsed"]] * 1000
out <- list(`hs-fit` = list(ms = median(times), chisq = fm[["chisq"]], cfi = fm[["cfi"]]))
bt <- numeric(boot_reps)
for (r in seq_len(boot_reps)) bt[r] <- system.time(fb <- cfa(HS, data = d, se = "bootstrap", bootstrap = 1000L, iseed = 1L))[["elapsed"]] * 1000
out[["hs-boot-1000"]] <- list(ms = median(bt), se_x2 = parameterEstimates(fb)$se[2])
cat(toJSON(out, digits = NA, auto_unbox = TRUE))
