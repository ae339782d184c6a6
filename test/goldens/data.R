# Golden values for src/data (descriptives and correlations). Run from the repository root:
#   Rscript test/goldens/data.R   -> test/goldens/data.json
suppressMessages(library(jsonlite))
hs <- read.csv("test/fixtures/hs1939.csv")
x <- hs[, paste0("x", 1:9)]
out <- list()
for (type in 1:3) {
  d <- psych::describe(x, type = type)
  out[[paste0("describe_type", type)]] <- list(
    n = d$n, mean = d$mean, sd = d$sd, min = d$min, max = d$max, skew = d$skew, kurtosis = d$kurtosis, se = d$se)
}
# listwise over grade (one NA) and x1
gx <- na.omit(hs[, c("grade", "x1")])
d <- psych::describe(gx)
out$describe_grade_x1 <- list(n = d$n, mean = d$mean, sd = d$sd, skew = d$skew, kurtosis = d$kurtosis)
r <- cor(x)
p <- matrix(NA_real_, 9, 9)
for (i in 1:9) for (j in 1:9) if (i != j) p[i, j] <- cor.test(x[[i]], x[[j]])$p.value
out$cor <- unname(r)
out$cor_p <- unname(p)
out$means <- unname(colMeans(x))
out$sds <- unname(apply(x, 2, sd))
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, na = "null"), "test/goldens/data.json")
