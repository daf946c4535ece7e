#!/usr/bin/env bash
# Builds the JMH benchmarks (Maven profile `bench`) and runs them with Spark on the classpath.
#
#   src/jmh/scripts/bench.sh                       # every benchmark
#   src/jmh/scripts/bench.sh TrainerBench          # a regex of benchmarks, then any JMH options
#   src/jmh/scripts/bench.sh StepBench -rf json -rff target/step.json
#
# The benchmarks are never part of `mvn test`; see README.md, section Performance, for the numbers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)"
cd "$ROOT"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -q -Dstyle.color=never -Pbench -DskipTests package
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# benchmarks.jar holds JMH, the benchmarks and batchsweep; Spark is a provided dependency, so its
# jars come from the classpath Maven wrote (target/classpath.txt) for ./submit.
exec "$JAVA" -cp "target/benchmarks.jar:$(cat target/classpath.txt)" org.openjdk.jmh.Main "$@"
