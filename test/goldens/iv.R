# Golden values for tsls() on the two standard instrumental-variable examples, from AER's ivreg with
# summary(diagnostics = TRUE): coefficients, SEs, t, p, sigma, R², the overall Wald test and the
# three diagnostics (weak instruments F per endogenous regressor, Wu-Hausman F, Sargan chi-square).
#   - CigarettesSW, 1995 (Stock & Watson): log(packs) ~ log(rprice) + log(rincome) |
#     log(rincome) + tdiff + I(tax/cpi), rprice = price/cpi, rincome = income/population/cpi,
#     tdiff = (taxs - tax)/cpi.
#   - Mroz (1987) women's wages, AER's PSID1976 restricted to participation == "yes" (428 women, as in
#     Wooldridge's Example 15.40): log(wage) ~ education + experience + I(experience^2) |
#     experience + I(experience^2) + meducation + feducation.
# Run from the repository root:  Rscript test/goldens/iv.R
#   writes test/goldens/iv-cigarettes.csv, test/goldens/iv-mroz.csv (the columns both sides fit,
#   17 significant digits, transformations already applied) and test/goldens/iv.json
suppressMessages(library(AER))
library(jsonlite)

write17 <- function(d, file) {
  out <- as.data.frame(lapply(d, function(v) trimws(formatC(v, digits = 17, format = "g"))))
  write.csv(out, file, row.names = FALSE, quote = FALSE)
}

data("CigarettesSW", package = "AER")
cg <- subset(CigarettesSW, year == "1995")
cig <- data.frame(
  lpacks = log(cg$packs),
  lrprice = log(cg$price / cg$cpi),
  lrincome = log(cg$income / cg$population / cg$cpi),
  tdiff = (cg$taxs - cg$tax) / cg$cpi,
  taxcpi = cg$tax / cg$cpi)
write17(cig, "test/goldens/iv-cigarettes.csv")
cig <- read.csv("test/goldens/iv-cigarettes.csv")      # fit exactly the values the tests read

data("PSID1976", package = "AER")
ps <- subset(PSID1976, participation == "yes")
mroz <- data.frame(lwage = log(ps$wage), educ = ps$education, exper = ps$experience,
  expersq = ps$experience^2, motheduc = ps$meducation, fatheduc = ps$feducation)
write17(mroz, "test/goldens/iv-mroz.csv")
mroz <- read.csv("test/goldens/iv-mroz.csv")

ivInfo <- function(m) {
  s <- summary(m, diagnostics = TRUE)
  cf <- coef(s)
  dg <- s$diagnostics
  list(terms = rownames(cf), coef = unname(cf[, 1]), se = unname(cf[, 2]), t = unname(cf[, 3]), p = unname(cf[, 4]),
       sigma = s$sigma, df = s$df[2], n = nobs(m), r2 = s$r.squared, adjR2 = s$adj.r.squared,
       wald = list(F = unname(s$waldtest[1]), p = unname(s$waldtest[2]), df1 = unname(s$waldtest[3]), df2 = unname(s$waldtest[4])),
       diagnostics = list(tests = rownames(dg), df1 = unname(dg[, 1]), df2 = unname(dg[, 2]),
                          statistic = unname(dg[, 3]), p = unname(dg[, 4])),
       # pathlab's intervals use t(df), like the t tests beside them (and Stata's ivregress, small);
       # AER's confint() uses normal quantiles, kept here for reference.
       ci_lower = unname(cf[, 1] - qt(0.975, s$df[2]) * cf[, 2]), ci_upper = unname(cf[, 1] + qt(0.975, s$df[2]) * cf[, 2]),
       confint_normal = unname(confint(m)))
}

cigFit <- ivreg(lpacks ~ lrprice + lrincome | lrincome + tdiff + taxcpi, data = cig)
mrozFit <- ivreg(lwage ~ educ + exper + expersq | exper + expersq + motheduc + fatheduc, data = mroz)
# Just identified (one instrument): AER reports no Sargan test (NA).
cigJust <- ivreg(lpacks ~ lrprice + lrincome | lrincome + tdiff, data = cig)
# Two endogenous regressors, three instruments: one weak-instrument F per endogenous regressor.
mroz2 <- ivreg(lwage ~ educ + exper + expersq | expersq + motheduc + fatheduc + I(motheduc * fatheduc), data = mroz)

out <- list(cigarettes = ivInfo(cigFit), mroz = ivInfo(mrozFit), cigJust = ivInfo(cigJust), mroz2 = ivInfo(mroz2),
            AER = as.character(packageVersion("AER")), R = R.version.string)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, na = "null"), "test/goldens/iv.json")
