#!/usr/bin/env bash
# End-to-end and scale measurements: ./submit run on the seed and large specs, then a table of
# runs 10^3 -> 10^6 and training points n 10^3 -> 10^7 (wall time, CPU time, peak RSS).
#
#   src/jmh/scripts/scale.sh                 # everything (~10 minutes on 2 cores)
#   src/jmh/scripts/scale.sh seed large      # only some rows: seed large runs n (any of them)
#
# Every row is one `./submit --master 'local[2]' run ...` in a fresh JVM, timed by GNU time
# (/usr/bin/time -v, for the peak resident set size; Debian/Ubuntu: apt-get install -y time).
# Without it the script still runs and reports wall time only. Output: a Markdown table on
# stdout and in target/scale/scale.md; each run's log in target/scale/<row>.log.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)"
cd "$ROOT"
OUT="$ROOT/target/scale"
mkdir -p "$OUT"
MASTER="${MASTER:-local[2]}"

TIME_V=""
if /usr/bin/time -v true >/dev/null 2>&1; then
  TIME_V=/usr/bin/time
else
  echo "note: GNU time (/usr/bin/time -v) is missing, so peak RSS and CPU time are not measured;" >&2
  echo "      install it with: apt-get install -y time" >&2
fi

rows=("$@")
[[ ${#rows[@]} -gt 0 ]] || rows=(seed large runs n)
want() { local r; for r in "${rows[@]}"; do [[ "$r" == "$1" ]] && return 0; done; return 1; }

# Build once up front, and run one tiny sweep so the first row does not pay for a cold page cache
# (jars read from disk for the first time); neither is reported.
./submit help >/dev/null 2>&1 || true
./submit --master "$MASTER" run seed --set 'grid.seed=[0]' --set 'grid.batch_size=[100]' \
  --out "$OUT/results-warm-up" --sweep-id warm-up >"$OUT/warm-up.log" 2>&1 || true

seeds() { local s=""; for ((i = 0; i < $1; i++)); do s+="${s:+,}$i"; done; echo "[$s]"; }

TABLE="$OUT/scale.md"
{
  echo "| row | spec and overrides | runs | n | optimizer steps | sweep s | wall s | CPU s (user+sys) | peak RSS MB | driver heap |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$TABLE"

# measure NAME HEAP SPEC [--set k=v ...]
measure() {
  local name="$1" heap="$2" spec="$3"
  shift 3
  local log="$OUT/$name.log" timing="$OUT/$name.time"
  local start end
  echo "== $name: ./submit --master '$MASTER' --driver-memory $heap run $spec $* (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  rm -rf "$OUT/results-$name"
  start=$(date +%s.%N)
  local cmd=(./submit --master "$MASTER" --driver-memory "$heap" run "$spec" "$@" --out "$OUT/results-$name" --sweep-id "$name")
  if [[ -n "$TIME_V" ]]; then
    "$TIME_V" -v -o "$timing" "${cmd[@]}" >"$log" 2>&1 || { echo "   FAILED, see $log" >&2; tail -5 "$log" >&2; return 0; }
  else
    "${cmd[@]}" >"$log" 2>&1 || { echo "   FAILED, see $log" >&2; tail -5 "$log" >&2; return 0; }
  fi
  end=$(date +%s.%N)
  local runs n sweep wall cpu rss steps
  runs=$(sed -n 's/^sweep .*: \([0-9]*\) runs of .*/\1/p' "$log" | head -1)
  n=$(sed -n 's/.* \([0-9]*\) training points$/\1/p' "$log" | head -1)
  sweep=$(sed -n 's/^sweep .*: [0-9]* runs in \([0-9.]*\) s$/\1/p' "$log" | head -1)
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  cpu="-"
  rss="-"
  if [[ -n "$TIME_V" ]]; then
    cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$timing")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$timing")
  fi
  steps=$(steps_of "$name")
  printf '| %s | `%s %s` | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
    "$name" "$spec" "$*" "${runs:-?}" "${n:-?}" "$steps" "${sweep:-?}" "$wall" "$cpu" "$rss" "$heap" >>"$TABLE"
  echo "   runs=${runs:-?} n=${n:-?} steps=$steps sweep=${sweep:-?}s wall=${wall}s cpu=${cpu}s rss=${rss}MB" >&2
}

# Optimizer steps of sweep NAME, from its runs table (after the timing, in another JVM).
steps_of() {
  ./submit --master 'local[1]' sql "SELECT SUM(steps) AS s FROM runs WHERE sweep_id = '$1'" \
    --out "$OUT/results-$1" --format csv 2>/dev/null | tail -1 | tr -d '\r' || echo "-"
}

if want seed; then
  measure seed 1g seed
fi
if want large; then
  measure large 1g large
fi
if want runs; then
  # Adam only and the same batch-size axis (1..1000) in every row, so each row's runs cost the
  # same on average and time per run is comparable; the number of runs grows with lr x seeds.
  base=(--set 'grid.optimizer=[adam]' --set 'grid.momentum=[0.0]')
  measure runs-1e3 1g large "${base[@]}" --set 'grid.shuffle=[true]' --set 'grid.lr=[0.01]' --set 'grid.seed=[0]'
  measure runs-1e4 1g large "${base[@]}" --set 'grid.lr=logspace(-3, -0.5, 5)' --set 'grid.seed=[0]'
  measure runs-1e5 1g large "${base[@]}" --set "grid.seed=$(seeds 5)"
  measure runs-1e6 1g large "${base[@]}" --set "grid.seed=$(seeds 50)"
fi
if want n; then
  # Six runs (batch 10, 100, 1000 x shuffle), Adam lr 0.01, 10 epochs; n grows. The O(n) parts
  # (data, points table, MLlib reference, one shuffle and prefix sums per epoch) grow with n;
  # steps grow as n / B.
  for n in 1000 10000 100000 1000000 10000000; do
    measure "n-$n" 4g seed --set "data.n=$n" --set 'grid.batch_size=[10, 100, 1000]' \
      --set 'grid.loss=[mse]' --set 'grid.seed=[0]' --set 'train.epochs=10' \
      --set 'train.record_epochs=false'
  done
fi

echo >&2
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load now $(cut -d' ' -f1-3 /proc/loadavg)" >>"$TABLE"
cat "$TABLE"
