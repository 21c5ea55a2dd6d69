#!/usr/bin/env bash
# Admission probe: packages the service and drives the packaged jar down every path (plain, batch, job, stream)
# against a fake provider that counts calls in flight, then three replicas sharing a Redis; prints one table with a
# verdict per target.
# See docs/benchmarks.md. Usage: bench/probe.sh
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
