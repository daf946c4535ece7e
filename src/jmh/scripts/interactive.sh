#!/usr/bin/env bash
# Interactive speed: `./submit run` (the seed sweep, end to end with fixes, science and report)
# against `./submit sql 'SELECT 1'` (a JVM that starts Spark, runs one query and stops), as a
# paired ratio, so a noisy shared machine cancels out as far as it can.
#
#   src/jmh/scripts/interactive.sh [-n N] [-k K] [-s] [CHECKOUT ...]
#
# Each round runs, for every CHECKOUT in turn (default: this one), `sql` then `run`, each in a fresh
# JVM, `run` into a fresh temporary folder; N rounds (default 3). With -k K that folder already
# holds K earlier sweeps, as `results/` does after K runs (copies of a 4-run sweep's partitions,
# made before the clock starts). Give two checkouts (e.g. a clone of an older commit with its jar
# built, and this one) to measure before and after side by side. With -s, `run` is typed into one
# `./submit shell` per checkout, started before the rounds; its first run, the shell's cold one,
# is made then and reported apart, so the rounds time what a user iterating in the shell waits.
# Prints per checkout: the median of the per-round ratios run/sql, the median wall times, the
# load average before and after, and the median of each stage that `run` reports on its
# "time by stage:" line (checkouts older than that line give wall times only).
# Logs go to target/interactive/ of this checkout. Extra `./submit` options: SUBMIT_OPTS="...".
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)"
# shellcheck source=stages.sh
source "$ROOT/src/jmh/scripts/stages.sh"
N=3
K=0
IN_SHELL=""
while [[ "${1:-}" == -n || "${1:-}" == -k || "${1:-}" == -s ]]; do
  case "$1" in
    -n) N="$2" && shift ;;
    -k) K="$2" && shift ;;
    -s) IN_SHELL=yes ;;
  esac
  shift
done
checkouts=("$@")
[[ ${#checkouts[@]} -gt 0 ]] || checkouts=("$ROOT")
OUT="$ROOT/target/interactive"
rm -rf "$OUT"
mkdir -p "$OUT"
read -r -a submit_opts <<<"${SUBMIT_OPTS:-}"

now() { date +%s.%N; }
load() { cut -d' ' -f1 /proc/loadavg; }
# elapsed T0 T1: seconds from T0 to T1 (both from now), two decimals.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# Build where needed and write one small sweep per checkout for `sql` to open; not measured.
for c in "${checkouts[@]}"; do
  k=$(checkout_key "$c")
  "$c/submit" "${submit_opts[@]}" run seed --set 'grid.seed=[0]' --set 'grid.batch_size=[100]' \
    --out "$OUT/fixture-$k" --sweep-id fixture >"$OUT/fixture-$k.log" 2>&1 \
    || { echo "fixture run failed in $c; see $OUT/fixture-$k.log" >&2; exit 1; }
done

# K earlier sweeps: every table's fixture partition copied under K other sweep ids.
earlier="$OUT/earlier"
mkdir -p "$earlier/tables"
k_checkout=$(checkout_key "${checkouts[0]}")
for table in "$OUT/fixture-$k_checkout/tables"/*; do
  copies="$earlier/tables/$(basename "$table")"
  mkdir -p "$copies"
  for ((i = 1; i <= K; i++)); do
    cp -r "$table/sweep_id=fixture" "$copies/sweep_id=earlier-$i"
  done
done

# -s: one ./submit shell per checkout, fed through a named pipe held open by this script.
declare -A shell_fd shell_pid
# The lines that end a command in a shell's log: run's last progress line, or an error.
ended_lines() { grep -c -E '^(time by stage:|error:)' "$OUT/shell-$1.log" || true; }
# run_in_shell KEY DIR: types `run --out DIR` into KEY's shell and waits until it has ended.
run_in_shell() {
  local before
  before=$(ended_lines "$1")
  echo "run --out $2" >&"${shell_fd[$1]}"
  while [[ $(ended_lines "$1") -le $before ]]; do
    kill -0 "${shell_pid[$1]}" 2>/dev/null || { echo "the shell ended; see $OUT/shell-$1.log" >&2; exit 1; }
    sleep 0.05
  done
  grep -q '^error:' <(tail -n 3 "$OUT/shell-$1.log") && { echo "run failed; see $OUT/shell-$1.log" >&2; exit 1; }
  return 0
}
if [[ -n "$IN_SHELL" ]]; then
  for c in "${checkouts[@]}"; do
    k=$(checkout_key "$c")
    mkfifo "$OUT/shell-$k.in"
    "$c/submit" "${submit_opts[@]}" shell <"$OUT/shell-$k.in" >"$OUT/shell-$k.log" 2>&1 &
    shell_pid[$k]=$!
    exec {fd}>"$OUT/shell-$k.in"
    shell_fd[$k]=$fd
    dir=$(mktemp -d "${TMPDIR:-/tmp}/interactive-run.XXXXXX")
    t0=$(now)
    run_in_shell "$k" "$dir"
    echo "$c: the shell's first run took $(elapsed "$t0" "$(now)") s" \
      "(JVM start included)" | tee "$OUT/first-$k.txt" >&2
    rm -rf "$dir"
  done
fi

for ((round = 1; round <= N; round++)); do
  for c in "${checkouts[@]}"; do
    k=$(checkout_key "$c")
    dir=$(mktemp -d "${TMPDIR:-/tmp}/interactive-run.XXXXXX")
    [[ "$K" -eq 0 ]] || cp -r "$earlier/tables" "$dir/"
    l0=$(load)
    t0=$(now)
    "$c/submit" "${submit_opts[@]}" sql 'SELECT 1' --out "$OUT/fixture-$k" >"$OUT/sql-$k-$round.log" 2>&1 \
      || { echo "sql failed; see $OUT/sql-$k-$round.log" >&2; exit 1; }
    t1=$(now)
    if [[ -n "$IN_SHELL" ]]; then
      run_in_shell "$k" "$dir"
      grep '^time by stage:' "$OUT/shell-$k.log" | tail -n 1 >"$OUT/run-$k-$round.log"
    else
      "$c/submit" "${submit_opts[@]}" run --out "$dir" >"$OUT/run-$k-$round.log" 2>&1 \
        || { echo "run failed; see $OUT/run-$k-$round.log" >&2; exit 1; }
    fi
    t2=$(now)
    rm -rf "$dir"
    l1=$(load)
    stages=$(sed -n 's/^time by stage: //p' "$OUT/run-$k-$round.log")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" \
      "$(elapsed "$t0" "$t1")" "$(elapsed "$t1" "$t2")" "$l0" "$l1" "$stages" \
      >>"$OUT/rounds-$k.tsv"
    echo "round $round $c: sql $(cut -f2 <(tail -1 "$OUT/rounds-$k.tsv")) s," \
      "run $(cut -f3 <(tail -1 "$OUT/rounds-$k.tsv")) s (load $l0 -> $l1)" >&2
  done
done

if [[ -n "$IN_SHELL" ]]; then
  for c in "${checkouts[@]}"; do
    k=$(checkout_key "$c")
    echo exit >&"${shell_fd[$k]}"
    wait "${shell_pid[$k]}" || true
  done
fi

for c in "${checkouts[@]}"; do
  k=$(checkout_key "$c")
  f="$OUT/rounds-$k.tsv"
  checkout_title "$c" "$N"
  [[ -z "$IN_SHELL" ]] || sed 's/^/  /' "$OUT/first-$k.txt"
  printf '  ratio run/sql (median of per-round ratios): %.2f  [rounds: %s]\n' \
    "$(awk -F'\t' '{ print $3 / $2 }' "$f" | median)" \
    "$(awk -F'\t' '{ printf "%s%.2f", (NR > 1 ? " " : ""), $3 / $2 }' "$f")"
  printf '  sql SELECT 1: %s s   run: %s s (medians)   load average %s .. %s\n' \
    "$(cut -f2 "$f" | median)" "$(cut -f3 "$f" | median)" \
    "$(cut -f4,5 "$f" | tr '\t' '\n' | sort -g | head -1)" \
    "$(cut -f4,5 "$f" | tr '\t' '\n' | sort -g | tail -1)"
  if [[ -n "$(cut -f6 "$f" | head -1)" ]]; then
    echo "  stages (median s):"
    cut -f6 "$f" | print_stage_medians "$OUT/stages-$k.tsv"
  fi
done
