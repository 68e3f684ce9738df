# One Dockerfile, one target per service: docker build --target auction-service .
# Every base image is a build argument with a public default; machines that cannot pull pass local stand-ins
# (see README: "Docker without a registry"). The classic builder is enough: no BuildKit-only syntax here.
ARG JDK_IMAGE=eclipse-temurin:21-jdk
ARG JRE_IMAGE=eclipse-temurin:21-jre
# Playwright's own image: a JDK and the Chromium build this Playwright version drives.
ARG AGENT_BASE_IMAGE=mcr.microsoft.com/playwright/java:v1.62.0-noble

# ---- deps: Maven, the plugins and every dependency, from the poms alone. Only a pom change runs this again. ----
FROM ${JDK_IMAGE} AS deps
WORKDIR /src
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
# Every module of the reactor needs its pom (the classic builder has no COPY --parents, hence one line each).
COPY auction-contracts/pom.xml auction-contracts/
COPY local-kafka/pom.xml local-kafka/
COPY kafka-test-support/pom.xml kafka-test-support/
COPY kafka-logging/pom.xml kafka-logging/
COPY service-security/pom.xml service-security/
COPY service-support/pom.xml service-support/
COPY player-profiles/pom.xml player-profiles/
COPY auction-engine/pom.xml auction-engine/
COPY agent-strategy/pom.xml agent-strategy/
COPY data-tools/pom.xml data-tools/
COPY auction-service/pom.xml auction-service/
COPY agent-service/pom.xml agent-service/
COPY orchestrator-service/pom.xml orchestrator-service/
COPY log-service/pom.xml log-service/
COPY report-service/pom.xml report-service/
COPY auction-simulation/pom.xml auction-simulation/
COPY benchmarks/pom.xml benchmarks/
COPY system-tests/pom.xml system-tests/
# The libraries and the five services only (not the tools, benchmarks or system tests); the project's own modules
# are the reactor's, not Maven Central's. What go-offline cannot know in advance (plugins' late dependencies) is
# fetched by one package run over the empty modules, so the steps below build with -o (offline).
ARG IMAGE_MODULES=auction-service,agent-service,orchestrator-service,log-service,report-service
ENV MVN="./mvnw -B -ntp -Dmaven.test.skip=true -Dspotless.check.skip=true"
RUN chmod +x mvnw \
    && $MVN -q dependency:go-offline -pl ${IMAGE_MODULES} -am \
    && $MVN -q package -pl ${IMAGE_MODULES} -am -Dspring-boot.repackage.skip=true \
    && rm -rf */target

# ---- libs: the parent pom and the shared modules, installed into this stage's own local repository ----
FROM deps AS libs
COPY auction-contracts auction-contracts
COPY kafka-test-support kafka-test-support
COPY kafka-logging kafka-logging
COPY service-security service-security
COPY service-support service-support
COPY player-profiles player-profiles
COPY auction-engine auction-engine
COPY agent-strategy agent-strategy
RUN $MVN -o -q install -pl .,auction-contracts,kafka-test-support,kafka-logging,service-security,service-support,player-profiles,auction-engine,agent-strategy

# ---- one build stage per service: a change in one service compiles that service alone. The runnable jar is
# unpacked into Spring Boot's layers (dependencies, loader, snapshot dependencies = the project's libraries,
# application), so a service change replaces only the thin application layer of its image. ----
FROM libs AS auction-service-build
COPY auction-service auction-service
RUN $MVN -o -q package -pl auction-service && cp auction-service/target/*-exec.jar /app.jar \
    && java -Djarmode=tools -jar /app.jar extract --layers --destination /layers

FROM libs AS agent-service-build
COPY agent-service agent-service
RUN $MVN -o -q package -pl agent-service && cp agent-service/target/*-exec.jar /app.jar \
    && java -Djarmode=tools -jar /app.jar extract --layers --destination /layers

FROM libs AS orchestrator-service-build
COPY orchestrator-service orchestrator-service
RUN $MVN -o -q package -pl orchestrator-service && cp orchestrator-service/target/*-exec.jar /app.jar \
    && java -Djarmode=tools -jar /app.jar extract --layers --destination /layers

FROM libs AS log-service-build
COPY log-service log-service
RUN $MVN -o -q package -pl log-service && cp log-service/target/*-exec.jar /app.jar \
    && java -Djarmode=tools -jar /app.jar extract --layers --destination /layers

FROM libs AS report-service-build
COPY report-service report-service
RUN $MVN -o -q package -pl report-service && cp report-service/target/*-exec.jar /app.jar \
    && java -Djarmode=tools -jar /app.jar extract --layers --destination /layers

# ---- the runtime shared by the plain services ----
FROM ${JRE_IMAGE} AS service
RUN (getent group app || groupadd --system --gid 10001 app) \
    && (id app || useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app) \
    && mkdir -p /app/secrets && chown app:app /app /app/secrets && chmod 700 /app/secrets
WORKDIR /app
COPY docker/healthcheck docker/run-as-app docker/cds-archive /app/
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Actuator (health, metrics, /actuator/prometheus) on a port of its own that Compose does not publish: Prometheus
# scrapes it inside the network, the HEALTHCHECK asks it (docker/healthcheck prefers this port); the public port
# serves the application alone.
ENV MANAGEMENT_SERVER_PORT=9091
EXPOSE 9091

FROM service AS auction-service
COPY --from=auction-service-build /layers/dependencies/ /app/
COPY --from=auction-service-build /layers/spring-boot-loader/ /app/
COPY --from=auction-service-build /layers/snapshot-dependencies/ /app/
COPY --from=auction-service-build /layers/application/ /app/
RUN /app/cds-archive /app/app.jar /app/app.jsa
USER app
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD ["/app/healthcheck", "8080"]
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]

FROM service AS orchestrator-service
COPY --from=orchestrator-service-build /layers/dependencies/ /app/
COPY --from=orchestrator-service-build /layers/spring-boot-loader/ /app/
COPY --from=orchestrator-service-build /layers/snapshot-dependencies/ /app/
COPY --from=orchestrator-service-build /layers/application/ /app/
RUN /app/cds-archive /app/app.jar /app/app.jsa
# Talks to the Docker engine through the mounted socket: started as root, run-as-app joins the socket's group and runs
# the service as the app user (RUN_AS_APP_SOCKET), never as root.
ENV RUN_AS_APP_SOCKET=/var/run/docker.sock
EXPOSE 8082
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD ["/app/healthcheck", "8082"]
ENTRYPOINT ["/app/run-as-app", "/app/secrets", "--", "java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]

FROM service AS log-service
COPY --from=log-service-build /layers/dependencies/ /app/
COPY --from=log-service-build /layers/spring-boot-loader/ /app/
COPY --from=log-service-build /layers/snapshot-dependencies/ /app/
COPY --from=log-service-build /layers/application/ /app/
RUN /app/cds-archive /app/app.jar /app/app.jsa
# Starts as root only to hand a bind-mounted logs/ to the app user, then runs as that user (docker/run-as-app).
EXPOSE 8083
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD ["/app/healthcheck", "8083"]
ENTRYPOINT ["/app/run-as-app", "/app/logs", "/app/secrets", "--", "java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]

FROM service AS report-service
COPY --from=report-service-build /layers/dependencies/ /app/
COPY --from=report-service-build /layers/spring-boot-loader/ /app/
COPY --from=report-service-build /layers/snapshot-dependencies/ /app/
COPY --from=report-service-build /layers/application/ /app/
RUN /app/cds-archive /app/app.jar /app/app.jsa
EXPOSE 8084
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD ["/app/healthcheck", "8084"]
ENTRYPOINT ["/app/run-as-app", "/app/reports", "/app/state", "/app/secrets", "--", "java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]

# ---- the agent: a JVM, Playwright's driver (inside the jar) and a Chromium ----
FROM ${AGENT_BASE_IMAGE} AS agent-service
RUN (getent group app || groupadd --system --gid 10001 app) \
    && (id app || useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app) \
    && mkdir -p /app/secrets /run/start-gate && chown app:app /app /app/secrets /run/start-gate \
    && chmod 700 /app/secrets
WORKDIR /app
COPY docker/healthcheck docker/start-gate docker/cds-archive /app/
COPY --from=agent-service-build /layers/dependencies/ /app/
COPY --from=agent-service-build /layers/spring-boot-loader/ /app/
COPY --from=agent-service-build /layers/snapshot-dependencies/ /app/
COPY --from=agent-service-build /layers/application/ /app/
RUN /app/cds-archive /app/app.jar /app/app.jsa
# Measured: a small serial-GC heap keeps nine seats' JVM near 100 MiB (scripts/bench-agents.sh). The heap is a share
# of the container's memory limit (Compose's mem_limit); Chromium needs the rest. C1 only and Spring's lazy start:
# nine seats ready in 25 s instead of 42 s and the JVM's PSS 232 MiB instead of 295 (one noisy run each; README).
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=15 -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 -Dspring.main.lazy-initialization=true" \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    HOME=/app
USER app
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=5 \
    CMD ["/app/healthcheck", "8081"]
# At most START_GATE_SLOTS agents start at once per machine (docker/start-gate; the slots live in /run/start-gate, a
# volume the agent containers share).
ENTRYPOINT ["/app/start-gate", "8081", "--", "java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]
