# Goldens for latent interactions by product indicators (issue 16 item 7): semTools 0.5.6
# indProd (mean-centring, double-mean-centring, residual centring) and probe2WayMC/probe2WayRC on
# simulated data shaped like paper 002's M5 (OSC x SA -> PEIC, N = 320, four items per factor).
# Run: Rscript test/goldens/sem-latint.R   (writes sem-latint.csv and sem-latint.json)
suppressPackageStartupMessages({ library(lavaan); library(semTools); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14", as.character(packageVersion("semTools")) == "0.5.6")
dir <- "test/goldens"
set.seed(20240616)
n <- 320
osc <- rnorm(n); sa <- 0.4 * osc + sqrt(1 - 0.16) * rnorm(n)
peic <- 0.35 * osc + 0.2 * sa + 0.25 * osc * sa + rnorm(n, sd = 0.8)
item <- function(f, lam, mu) round(mu + lam * f + rnorm(n, sd = sqrt(1 - lam^2)), 4)
dat <- data.frame(o1 = item(osc, .8, 5), o2 = item(osc, .75, 5.1), o3 = item(osc, .7, 4.9), o4 = item(osc, .8, 5.2),
                  s1 = item(sa, .8, 4.8), s2 = item(sa, .85, 5), s3 = item(sa, .75, 5.1), s4 = item(sa, .8, 4.9),
                  p1 = item(peic, .8, 5), p2 = item(peic, .8, 5.3), p3 = item(peic, .7, 4.7), p4 = item(peic, .75, 5))
dat$o2[c(3, 17)] <- NA
write.csv(dat, file.path(dir, "sem-latint.csv"), row.names = FALSE, na = "NA")
dat <- read.csv(file.path(dir, "sem-latint.csv"))
o <- paste0("o", 1:4); s <- paste0("s", 1:4)
prods <- function(d, names) lapply(d[, names, drop = FALSE], function(x) unname(x))
dmc <- indProd(dat, var1 = o, var2 = s)                                   # match, mean-centred, double-mean-centred
mc <- indProd(dat, var1 = o, var2 = s, doubleMC = FALSE)
rc <- indProd(dat, var1 = o, var2 = s, meanC = FALSE, residualC = TRUE, doubleMC = FALSE)
all16 <- indProd(dat, var1 = o[1:2], var2 = s[1:3], match = FALSE)
pnames <- paste(o, s, sep = ".")
model <- ' osc =~ o1 + o2 + o3 + o4
           sa =~ s1 + s2 + s3 + s4
           int =~ o1.s1 + o2.s2 + o3.s3 + o4.s4
           peic =~ p1 + p2 + p3 + p4
           peic ~ osc + sa + int '
fitMC <- sem(model, dmc)
fitRC <- sem(model, rc, meanstructure = TRUE)
sdSA <- sqrt(lavInspect(fitMC, "est")$psi["sa", "sa"])
probeMC <- probe2WayMC(fitMC, nameX = c("osc", "sa", "int"), nameY = "peic", modVar = "sa", valProbe = c(-1, 0, 1) * sdSA)
sdSArc <- sqrt(lavInspect(fitRC, "est")$psi["sa", "sa"])
probeRC <- probe2WayRC(fitRC, nameX = c("osc", "sa", "int"), nameY = "peic", modVar = "sa", valProbe = c(-1, 0, 1) * sdSArc)
probeMC1 <- probe2WayMC(fitMC, nameX = c("osc", "sa", "int"), nameY = "peic", modVar = "osc", valProbe = c(-1, 1))
dfr <- function(x) if (is.null(x)) NULL else lapply(as.list(x), unname)
pe <- function(fit) { p <- parameterEstimates(fit); p[, c("lhs", "op", "rhs", "est", "se")] }
out <- list(
  products = list(dmc = prods(dmc, pnames), mc = prods(mc, pnames), rc = prods(rc, pnames), all16 = prods(all16, setdiff(names(all16), names(dat)))),
  all16_names = setdiff(names(all16), names(dat)),
  model = model,
  pe_mc = pe(fitMC), pe_rc = pe(fitRC),
  sd_sa = sdSA, sd_sa_rc = sdSArc,
  probe_mc = list(slope = dfr(probeMC$SimpleSlope), intercept = dfr(probeMC$SimpleIntcept)),
  probe_mc_osc = list(slope = dfr(probeMC1$SimpleSlope)),
  probe_rc = list(slope = dfr(probeRC$SimpleSlope), intercept = dfr(probeRC$SimpleIntcept))
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = FALSE), file.path(dir, "sem-latint.json"))
cat("wrote", file.path(dir, "sem-latint.json"), "\n")
