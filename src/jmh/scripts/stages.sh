# Sourced by the benchmark scripts that alternate checkouts: a checkout's file key and title, medians
# of numbers, and of the stages `./submit run` reports.

# checkout_key DIR: a short key for DIR, to name its log files.
checkout_key() { echo "$1" | cksum | cut -d' ' -f1; }

# checkout_title DIR ROUNDS: the heading of DIR's results, with its commit.
checkout_title() { echo "== $1 ($(git -C "$1" log -1 --format='%h %s' 2>/dev/null | cut -c1-70)), $2 rounds"; }

# The median of the numbers on stdin, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# print_stage_medians SCRATCH: reads one "time by stage:" line per round on stdin (without the
# prefix) and prints each stage's median, in the order the stages ran. SCRATCH is a file it may use.
print_stage_medians() {
  # "start-up 4.10 s, sweep row 0.31 s, ..." -> one "name<TAB>seconds" line per stage and round
  tr ',' '\n' | sed -n 's/^ *\(.*[^ ]\) \([0-9.]*\) s$/\1\t\2/p' >"$1"
  cut -f1 "$1" | awk '!seen[$0]++' | while IFS= read -r stage; do
    printf '    %-22s %6s\n' "$stage" "$(awk -F'\t' -v s="$stage" '$1 == s { print $2 }' "$1" | median)"
  done
}
