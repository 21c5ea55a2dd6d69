#!/usr/bin/env bash
# Quality report: sends the golden set (bench/golden: our own Danish articles, plus a very long generated one)
# through the packaged service to the LLM at LLM_BASE_URL, one article at a time, and prints a row per article,
# then per model the share of bullets cited right, of quotations kept, the quotations made up and the share of
# names and glossary terms written one way. The answers are kept in target/quality.
# Without LLM_BASE_URL it answers from a stand-in model with the reference translations, some with a fault the
# service must put right (as CI runs it).
# LLM_MODEL, LLM_API_KEY, LLM_CONTEXT_TOKENS and the other settings reach the service as they are.
# See docs/benchmarks.md. Usage: [LLM_BASE_URL=... LLM_MODEL=...] bench/quality.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export MAVEN_ARGS="${MAVEN_ARGS:-} -B -q --no-transfer-progress"
./mvnw package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dk.articlesummarizer.bench.QualityReport
