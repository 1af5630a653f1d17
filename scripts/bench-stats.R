# R side of `node scripts/bench-stats.js`: fits the same ITS model in a loop in one R process and
# prints the time per fit and the coefficients, so accuracy and speed are compared in one run.
args <- commandArgs(trailingOnly = TRUE)
series <- read.csv(args[1])
reps <- as.integer(args[2])
n <- nrow(series)
time <- seq_len(n)
level <- as.integer(time >= series$break_index[1])
slope <- pmax(0, time - series$break_index[1] + 1) * level
m <- ((time - 1) %% 12) + 1
s1 <- sin(2 * pi * m / 12); s2 <- sin(4 * pi * m / 12); c1 <- cos(2 * pi * m / 12); c2 <- cos(4 * pi * m / 12)
count <- series$count
fit <- function() glm(count ~ time + level + slope + s1 + s2 + c1 + c2, family = quasipoisson, control = glm.control(epsilon = 1e-8))
invisible(fit())
start <- proc.time()[["elapsed"]]
for (i in seq_len(reps)) f <- fit()
elapsed <- proc.time()[["elapsed"]] - start
cat(sprintf("%.9f\n", elapsed / reps * 1000))
cat(paste(sprintf("%.15g", coef(f)), collapse = ","), "\n")
cat(paste(sprintf("%.15g", sqrt(diag(vcov(f)))), collapse = ","), "\n")
