#!/usr/bin/env bash
# Update cost: packages the service and sends it an article, then the same article with one paragraph changed,
# against a fake provider that counts tokens as a provider would; prints the tokens of each and their ratio against
# the targets (docs/benchmarks.md). Usage: bench/update.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export MAVEN_ARGS="${MAVEN_ARGS:-} -B -q --no-transfer-progress"
./mvnw package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dk.articlesummarizer.bench.UpdateCost
