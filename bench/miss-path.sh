#!/usr/bin/env bash
# The miss path, counted: packages the service, starts the bench provider with a 3 s delay and the packaged jar,
# sends one new article, and while the provider holds the call prints the stack of the thread that waits for it:
# our frames from the resource down to the provider's HTTP client, the distinct classes of ours among them, and
# the lambda frames of ours. See docs/benchmarks.md. Usage: bench/miss-path.sh (MAVEN_ARGS is passed to Maven)
set -euo pipefail
cd "$(dirname "$0")/.."
export MAVEN_ARGS="${MAVEN_ARGS:-} -B -q --no-transfer-progress"
./mvnw package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
provider_port=18291
service_port=18290
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dk.articlesummarizer.bench.BenchProvider "$provider_port" >target/miss-path-provider.log 2>&1 &
provider=$!
QUARKUS_HTTP_PORT=$service_port QUARKUS_MANAGEMENT_PORT=18292 LLM_BASE_URL="http://127.0.0.1:$provider_port/v1" \
    LLM_MODEL=bench LLM_API_KEY=bench java -jar target/quarkus-app/quarkus-run.jar >target/miss-path-service.log 2>&1 &
service=$!
trap 'kill $provider $service 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:18292/q/health/ready" >/dev/null; do sleep 0.2; done
curl -sf -X POST "http://127.0.0.1:$provider_port/control/delay?ms=3000" >/dev/null
article=$(cat <<'JSON'
{"title": "Ny cykelsti i Odense",
 "text": "Odense Kommune bygger en ny cykelsti på 4,2 kilometer langs Åen. Den koster 31 millioner kroner og skal stå færdig i 2027.\n\n\"Det bliver lettere at cykle til arbejde,\" siger rådmand Jonas Holm."}
JSON
)
curl -s -o /dev/null "http://127.0.0.1:$service_port/summarize" -H 'Content-Type: application/json' -d "$article" &
miss=$!
until curl -sf "http://127.0.0.1:$provider_port/control/stats" | grep -q '"calls":[1-9]'; do sleep 0.1; done
stack=$(jcmd $service Thread.print | awk '/^"/ {block=""} {block = block $0 "\n"} /ProviderHttpClient/ {found=1}
    /^$/ {if (found) {print block; exit} found=0}')
# Frames of ours, without the lambdas' generated classes and Quarkus's generated client proxies.
ours=$(printf '%s' "$stack" | grep -o 'at dk\.articlesummarizer\.[A-Za-z.$0-9_]*' | sed 's/^at //' \
    | grep -v -e '\$\$Lambda' -e '_ClientProxy')
echo "Our frames, provider call at the top:"
printf '%s\n' "$ours" | sed 's/^/  /'
classes=$(printf '%s\n' "$ours" | sed -E 's/\.[a-zA-Z0-9_$]+$//; s/\$.*//' | sort -u)
echo "Classes of ours on the path: $(printf '%s\n' "$classes" | wc -l)"
printf '%s\n' "$classes" | sed 's/^/  /'
# A lambda or method reference of ours runs through a generated class: one such frame per hop.
echo "Lambdas (and method references) of ours on the path: $(printf '%s' "$stack" \
    | grep -c 'at dk\.articlesummarizer\.[A-Za-z.$0-9_]*\$\$Lambda' || true)"
wait $miss
