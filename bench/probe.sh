#!/usr/bin/env bash
# Admission probe: packages the service and drives the packaged jar down every path (plain, batch, job, stream)
# against a fake provider that records every call (start, answer, or its connection closed by the service): calls
# after their deadline and aborted at it, calls in flight, callers that leave (streams, shared loads, queued
# streams), three replicas sharing a Redis, jobs behind a full queue, a key racing its budget and a breaker among
# failing articles; prints one table with a verdict per target (issue 33).
# See docs/benchmarks.md. Usage: bench/probe.sh (MAVEN_ARGS is passed to Maven, e.g. MAVEN_ARGS=-o)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing redis-server from Debian..." >&2
    apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
fi
export MAVEN_ARGS="${MAVEN_ARGS:-} -B -q --no-transfer-progress"
./mvnw package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1)"
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dk.articlesummarizer.bench.AdmissionProbe
