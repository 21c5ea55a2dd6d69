#!/usr/bin/env bash
# Benchmark: packages the service, starts the fake OpenAI provider and the packaged service as two processes, the
# service the way README runs it (java -jar on the default Java), then three replicas sharing a Redis, and prints
# one table with a verdict per target.
# See docs/benchmarks.md. Usage: bench/run.sh [seconds per wrk run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1 || ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing wrk and redis-server from Debian..." >&2
    apt-get update -qq && apt-get install -y -qq wrk redis-server >/dev/null
fi
export MAVEN_ARGS="${MAVEN_ARGS:-} -B -q --no-transfer-progress"
./mvnw package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
# BENCH_OPTS passes -Dbench.* settings (bench.repeats, bench.misses, bench.missWarmUp, bench.sharedArticles) to the load generator.
java -Xmx1g -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Dbench.seconds="${1:-10}" ${BENCH_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dk.articlesummarizer.bench.Benchmark
