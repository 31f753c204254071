# Sums VSTest closing lines ("Passed!  - Failed: 0, Passed: 66, Skipped: 0, ...") over every log given.
/^(Passed|Failed)! +- Failed: / { gsub(/,/, ""); f += $4; p += $6; s += $8; seen = 1 }
END { if (seen) printf "%d passed, %d failed, %d skipped\n", p, f, s; else print "0 passed, 1 failed (no test summary found)" }
