#!/usr/bin/env bash
# Benchmark: packages the service, starts a fake OpenAI provider and the packaged service, measures cache hits
# against the floor, miss overhead, coalescing, concurrency, memory and startup, and prints one table with a
# verdict per target. See docs/benchmarks.md. Usage: bench/run.sh [seconds per wrk run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk from Debian..." >&2
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
command -v jcmd >/dev/null || { echo "jcmd (from the JDK) is needed on PATH" >&2; exit 1; }

export MAVEN_ARGS="${MAVEN_ARGS:-} -B -q --no-transfer-progress"
# Package the service as it is now (incremental), and the fake provider and driver from the test sources.
./mvnw package -DskipTests dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
# BENCH_OPTS="-Dbench.only=hits|misses -Dbench.jfr=true" narrows the run and records a JFR profile of the service.
java -Xmx1g -Dbench.seconds="${1:-10}" ${BENCH_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dk.articlesummarizer.bench.Benchmark
