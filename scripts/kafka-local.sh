#!/usr/bin/env bash
# Runs a real single-node Kafka broker (KRaft) in the foreground, without Docker. Ctrl-C stops it cleanly.
#
#   scripts/kafka-local.sh [--port N] [--controller-port N] [--data-dir D] [--host H]
#
# Defaults: 127.0.0.1:9092 (controller 9093), data in ./data-local/kafka under the current directory.
# Builds local-kafka first if its jar is missing. Needs a JDK 21 or newer: $JAVA_HOME if it is one,
# otherwise /usr/lib/jvm/temurin-25-jdk-amd64. Extra JVM options (say -Xmx512m) go in KAFKA_LOCAL_JAVA_OPTS.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/lib/jdk.sh"
jdk="$JAVA_HOME"

shopt -s nullglob
jars=("$root"/local-kafka/target/local-kafka-*.jar)
if (( ${#jars[@]} == 0 )); then
  echo "kafka-local: building local-kafka ..." >&2
  (cd "$root" && ./mvnw -q -pl local-kafka -am package -DskipTests)
  jars=("$root"/local-kafka/target/local-kafka-*.jar)
fi
if (( ${#jars[@]} != 1 )); then
  echo "kafka-local: expected one jar in $root/local-kafka/target, found: ${jars[*]:-none}" >&2
  exit 1
fi

java_opts=()
# Kafka's clients still call sun.misc.Unsafe; JDK 24+ warns about it on every start unless told it is allowed.
if (( $(java_major "$jdk") >= 24 )); then
  java_opts+=(--sun-misc-unsafe-memory-access=allow)
fi

exec "$jdk/bin/java" "${java_opts[@]}" ${KAFKA_LOCAL_JAVA_OPTS:-} -jar "${jars[0]}" "$@"
