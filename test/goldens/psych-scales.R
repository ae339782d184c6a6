# Golden values for keyed scales and pairwise data (src/measurement alpha, scoreItems, corrTest;
# src/data describe). Run from the repository root:
#   Rscript test/goldens/psych-scales.R   -> test/goldens/psych-scales.json
# psych 2.2.9. Data: psych's bfi (notebooks/data/bfi.csv), which has missing answers.
suppressMessages({ library(jsonlite); library(psych) })
bfi <- read.csv("notebooks/data/bfi.csv")
out <- list()
alpha_gold <- function(a) list(
  total = lapply(as.list(a$total), unname), drop = lapply(as.list(a$alpha.drop), unname),
  stats = lapply(as.list(a$item.stats), unname), keys = unname(unlist(a$keys)))
A <- bfi[, paste0("A", 1:5)]
C <- bfi[, paste0("C", 1:5)]
out$alpha_A_keys <- alpha_gold(alpha(A, keys = c("A1")))
out$alpha_A_list <- alpha_gold(alpha(bfi, keys = list(agree = c("-A1", "A2", "A3", "A4", "A5"))))
out$alpha_A_complete <- alpha_gold(alpha(A, keys = c(-1, 1, 1, 1, 1), use = "complete"))
out$alpha_C_check <- alpha_gold(suppressWarnings(alpha(C, check.keys = TRUE)))
out$alpha_C_raw <- alpha_gold(suppressWarnings(alpha(C, warnings = FALSE)))
# QA report item 7: alpha's other arguments
out$alpha_A_cumulative <- alpha_gold(alpha(A, keys = c("A1"), cumulative = TRUE, max = 10, na.rm = TRUE, n.iter = 1))
out$alpha_A_impute <- alpha_gold(alpha(A, keys = c("A1"), impute = "median"))
out$alpha_A_impute_mean <- alpha_gold(alpha(A, keys = c("A1"), impute = "mean"))
Ak <- A; Ak$K <- 3   # a constant item: psych deletes it but still counts it in the score
out$alpha_A_delete <- alpha_gold(suppressWarnings(alpha(Ak, warnings = FALSE)))   # (with keys psych fails: keys are not shortened)

keys <- list(agree = c("-A1", "A2", "A3", "A4", "A5"), conscientious = c("C1", "C2", "C3", "-C4", "-C5"),
             extraversion = c("-E1", "-E2", "E3", "E4", "E5"), neuroticism = c("N1", "N2", "N3", "N4", "N5"),
             openness = c("O1", "-O2", "O3", "O4", "-O5"))
si_gold <- function(s) list(
  alpha = unname(s$alpha[1, ]), av_r = unname(s$av.r[1, ]), G6 = unname(s$G6[1, ]), sn = unname(s$sn[1, ]),
  ase = unname(as.vector(s$ase)), med_r = unname(s$med.r), n_items = unname(s$n.items),
  item_cor = unname(s$item.cor), item_corrected = unname(s$item.corrected), cor = unname(s$cor),
  corrected = unname(s$corrected), scores_head = if (is.null(s$scores)) NULL else unname(s$scores[1:20, ]),
  scores_mean = if (is.null(s$scores)) NULL else unname(colMeans(s$scores, na.rm = TRUE)))
out$score_median <- si_gold(scoreItems(keys, bfi))
out$score_none <- si_gold(scoreItems(keys, bfi, impute = "none"))
out$score_mean_totals <- si_gold(scoreItems(keys, bfi, impute = "mean", totals = TRUE))

ct_gold <- function(ct) list(r = unname(ct$r), n = unname(ct$n), t = unname(ct$t), p = unname(ct$p), se = unname(ct$se),
  ci = lapply(as.list(ct$ci), unname), ci_adj = lapply(as.list(ct$ci.adj), unname), p_adj_lower = unname(ct$ci2$p.adj))
vars <- c("A1", "A2", "C1", "C4", "E1", "N1", "O2", "age")
out$corr_pairwise <- ct_gold(corr.test(bfi[, vars]))
# use = "complete": psych 2.2.9 takes r from the complete rows but n = the smallest *pairwise* count
# (2752 here, not the 2683 complete rows); pathlab does the same (QA report item 7)
out$corr_complete_bonf <- ct_gold(corr.test(bfi[, vars], use = "complete", adjust = "bonferroni", alpha = 0.1))
out$corr_complete_psych_n <- corr.test(bfi[, vars], use = "complete")$n
# use = "complete.obs": r from complete rows, n stays the pairwise matrix (psych tests use == "complete")
out$corr_completeobs <- ct_gold(corr.test(bfi[, vars], use = "complete.obs"))
# rank correlations (psych's normal = TRUE: normal-theory t and p on rho/tau) and Hommel's adjustment
out$corr_spearman <- ct_gold(corr.test(bfi[, vars], method = "spearman"))
out$corr_kendall <- ct_gold(corr.test(bfi[, vars], method = "kendall"))
out$corr_kendall_complete <- ct_gold(corr.test(bfi[, vars], method = "kendall", use = "complete", adjust = "hommel"))
out$corr_hommel <- ct_gold(corr.test(bfi[, vars], adjust = "hommel"))
out$padjust_hommel <- p.adjust(c(0.01, 0.04, 0.03, 0.04, 0.2, 0.001, 0.5, 0.049), "hommel")
out$corr_none <- ct_gold(corr.test(bfi[, vars], adjust = "none"))
out$corr_BH <- ct_gold(corr.test(bfi[, vars], adjust = "BH"))
out$corr_hochberg <- ct_gold(corr.test(bfi[, vars], adjust = "hochberg"))
out$corr_BY <- ct_gold(corr.test(bfi[, vars], adjust = "BY"))

d_gold <- function(d) lapply(as.list(d), unname)
dv <- c("A1", "A2", "C4", "N5", "O2", "education", "age")
for (type in 1:3) out[[paste0("describe_type", type)]] <- d_gold(describe(bfi[, dv], type = type))
out$describe_trim20 <- d_gold(describe(bfi[, dv], trim = 0.2))
out$describe_complete <- d_gold(describe(na.omit(bfi[, dv])))
# QA report item 7: describe's other arguments
out$describe_iqr_quant <- d_gold(describe(bfi[, dv], IQR = TRUE, quant = c(.1, .25, .75, .9)))
out$describe_noskew_cols <- names(describe(bfi[, dv], skew = FALSE))
out$describe_noranges_cols <- names(describe(bfi[, dv], ranges = FALSE))
out$describe_fast_cols <- names(describe(bfi[, dv], fast = TRUE))
out$describe_narm <- d_gold(describe(bfi[, dv], na.rm = FALSE))
# kurtosis type 1 one variable at a time: psych's matrix branch divides by all rows, NAs included
out$kurtosi_type1_vector <- sapply(dv, function(v) kurtosi(bfi[[v]], type = 1), USE.NAMES = FALSE)
writeLines(toJSON(out, digits = I(12), auto_unbox = TRUE, na = "null", null = "null"), "test/goldens/psych-scales.json")
