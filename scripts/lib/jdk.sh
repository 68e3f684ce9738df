# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK 21 or newer, or stops with a message.
# Tries $JAVA_HOME first, then the JDKs under /usr/lib/jvm (Temurin 25 on the project's machines).

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
        major=$(java_major "$candidate")
        if [ "${major:-0}" -ge 21 ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! JAVA_HOME=$(find_jdk); then
    echo "This needs a JDK 21 or newer: install one (for example Temurin 21) and point JAVA_HOME at it." >&2
    exit 1
fi
export JAVA_HOME
