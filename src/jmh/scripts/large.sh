#!/usr/bin/env bash
# Scale pairs: `./submit --master 'local[2]' --driver-memory 1g run large` (10^6 runs, end to end
# with fixes, science, summary and report), alternated between checkouts, so a noisy shared machine
# hits both alike.
#
#   src/jmh/scripts/large.sh [-n N] [CHECKOUT ...] [-- SUBMIT-RUN-OPTIONS ...]
#
# Each round runs every CHECKOUT in turn (default: this one) into a fresh temporary folder; N rounds
# (default 2). Options after -- go to `run large`, e.g. -- --set train.epochs=1, or
# -- --set 'grid.seed=[0]' --set train.record_epochs=true. Prints one line per run (wall and user
# CPU seconds, load average, training stage) and, per checkout, the median of each stage that `run`
# reports on its "time by stage:" line. Needs GNU time (apt-get install -y time). Logs go to
# target/large/ of this checkout.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)"
# shellcheck source=stages.sh
source "$ROOT/src/jmh/scripts/stages.sh"
N=2
if [[ "${1:-}" == -n ]]; then
  N="$2"
  shift 2
fi
checkouts=()
while [[ $# -gt 0 && "$1" != -- ]]; do
  checkouts+=("$1")
  shift
done
[[ "${1:-}" == -- ]] && shift
run_opts=("$@")
[[ ${#checkouts[@]} -gt 0 ]] || checkouts=("$ROOT")
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
OUT="$ROOT/target/large"
rm -rf "$OUT"
mkdir -p "$OUT"

# A first command after a build prepares the class-data archive (about 40 s): not measured.
for c in "${checkouts[@]}"; do
  "$c/submit" sql 'SELECT 1' >/dev/null 2>&1 || true
done

for ((round = 1; round <= N; round++)); do
  for c in "${checkouts[@]}"; do
    k=$(checkout_key "$c")
    dir=$(mktemp -d "${TMPDIR:-/tmp}/large-run.XXXXXX")
    log="$OUT/run-$k-$round.log"
    /usr/bin/time -f '%e %U' -o "$OUT/time-$k-$round" "$c/submit" --master 'local[2]' \
      --driver-memory 1g run large "${run_opts[@]}" --out "$dir" >"$log" 2>&1 \
      || { echo "run failed in $c; see $log" >&2; rm -rf "$dir"; exit 1; }
    rm -rf "$dir"
    read -r wall cpu <"$OUT/time-$k-$round"
    stages=$(sed -n 's/^time by stage: //p' "$log")
    training=$(echo "$stages" | tr ',' '\n' | sed -n 's/^ *training \([0-9.]*\) s$/\1/p')
    printf '%s\t%s\t%s\n' "$wall" "$cpu" "$stages" >>"$OUT/rounds-$k.tsv"
    echo "round $round $c: ${wall} s wall, ${cpu} s user CPU, training ${training:-?} s" \
      "(load $(cut -d' ' -f1 /proc/loadavg))"
  done
done

for c in "${checkouts[@]}"; do
  k=$(checkout_key "$c")
  f="$OUT/rounds-$k.tsv"
  checkout_title "$c" "$N"
  echo "  wall $(cut -f1 "$f" | median) s, user CPU $(cut -f2 "$f" | median) s (medians)"
  echo "  stages (median s):"
  cut -f3 "$f" | print_stage_medians "$OUT/stages-$k.tsv"
done
