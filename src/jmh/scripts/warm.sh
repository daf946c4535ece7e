#!/usr/bin/env bash
# The floor a warm, long-lived driver could reach: the seed sweep end to end, and `sql 'SELECT 1'`,
# each run again and again in one JVM (JMH, WarmRunBench: 6 warm-up and 6 measured commands each,
# seconds per command). The fork gets the JVM options ./submit gives the driver
# (spark.driver.extraJavaOptions in conf/spark-defaults.conf, and the logging set-up).
#
#   src/jmh/scripts/warm.sh                 # both commands
#   src/jmh/scripts/warm.sh -p command=run  # any JMH options after
#
# Compare with a cold JVM's commands in the same session: src/jmh/scripts/interactive.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd -P)"
driver_opts="$(sed -n 's/^[[:space:]]*spark\.driver\.extraJavaOptions[[:space:]=]\+//p' "$ROOT/conf/spark-defaults.conf" | tail -n 1)"
exec "$ROOT/src/jmh/scripts/bench.sh" WarmRunBench \
  -jvmArgsAppend "$driver_opts -Dlog4j2.configurationFile=file:$ROOT/conf/log4j2.properties" "$@"
