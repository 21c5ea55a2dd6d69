#!/usr/bin/env bash
# Starts the service on port 8080: builds the jar when the sources are newer than it (about 20 s on two cores),
# otherwise starts the jar at once. Ctrl-C stops it cleanly. Settings come from the environment (LLM_BASE_URL,
# LLM_MODEL, ...: docs/configuration.md).
set -euo pipefail
cd "$(dirname "$0")"
jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
    echo "Building the service (once per change of the sources)..." >&2
    ./mvnw -B -q --no-transfer-progress package -DskipTests
fi
# No load balancer to drain locally: stop at once on Ctrl-C unless told otherwise (docs/deployment.md).
export SUMMARIZER_SHUTDOWN_DELAY="${SUMMARIZER_SHUTDOWN_DELAY:-0s}"
exec java -jar "$jar"
