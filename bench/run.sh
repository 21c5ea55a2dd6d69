#!/usr/bin/env bash
# Benchmark: packages the service, starts a fake OpenAI provider and the packaged service, measures cache hits
# against the floor, miss overhead, coalescing, concurrency, memory and startup, and prints one table with a
# verdict per target. See docs/benchmarks.md. Usage: bench/run.sh [seconds per wrk run, default 10]
#
# The service runs the way docs/deployment.md recommends for the JVM: on JDK 25 with an AOT cache trained by the
# integration tests (./mvnw verify -Dquarkus.package.jar.aot.enabled=true). BENCH_JDK=17 measures the plain
# fast-jar on the default `java` instead; BENCH_JAVA_HOME points at another JDK 25+.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk from Debian..." >&2
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
command -v jcmd >/dev/null || { echo "jcmd (from the JDK) is needed on PATH" >&2; exit 1; }

export MAVEN_ARGS="${MAVEN_ARGS:-} -B -q --no-transfer-progress"
classpath=(dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt)
jdk25="${BENCH_JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}"
if [[ "${BENCH_JDK:-25}" == "25" && -x "$jdk25/bin/java" ]]; then
    # Package as aot-jar, run the *IT tests against it while the JVM records, and write target/quarkus-app/app.aot.
    JAVA_HOME="$jdk25" ./mvnw verify "${classpath[@]}" -Dquarkus.package.jar.aot.enabled=true \
        -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
    service_java=("-Dbench.java=$jdk25/bin/java"
        "-Dbench.jvmArgs=-XX:AOTCache=target/quarkus-app/app.aot ${BENCH_SERVICE_JVM_ARGS:-}")
    service_jvm="$("$jdk25/bin/java" -version 2>&1 | head -1), AOT cache"
else
    [[ "${BENCH_JDK:-25}" == "25" ]] && echo "No JDK 25 found (set BENCH_JAVA_HOME); measuring the fast-jar on $(command -v java)" >&2
    ./mvnw package -DskipTests "${classpath[@]}"
    service_java=("-Dbench.jvmArgs=${BENCH_SERVICE_JVM_ARGS:-}")
    service_jvm="$(java -version 2>&1 | head -1), fast-jar"
fi

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; service on $service_jvm"
# BENCH_OPTS="-Dbench.only=hits|misses|startup -Dbench.jfr=true" narrows the run and records a JFR profile of the
# service in target/bench/service.jfr, from after the warm-up; BENCH_SERVICE_JVM_ARGS adds options to the service's
# JVM (e.g. "-Xlog:gc:file=target/bench/gc.log").
# A large young generation with the serial collector, so that the load generator (which also hosts the fake
# provider) hardly ever collects while misses are timed: its own pauses would be counted as the service's.
java -Xms2g -Xmx2g -Xmn1500m -XX:+UseSerialGC -Dbench.seconds="${1:-10}" "${service_java[@]}" ${BENCH_OPTS:-} \
    -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dk.articlesummarizer.bench.Benchmark
