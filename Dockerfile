# One Dockerfile, one target per service: docker build --target auction-service .
# Every base image is a build argument with a public default; machines that cannot pull pass local stand-ins
# (see README: "Docker without a registry"). The classic builder is enough: no BuildKit-only syntax here.
ARG JDK_IMAGE=eclipse-temurin:21-jdk
ARG JRE_IMAGE=eclipse-temurin:21-jre
# Playwright's own image: a JDK and the Chromium build this Playwright version drives.
ARG AGENT_BASE_IMAGE=mcr.microsoft.com/playwright/java:v1.62.0-noble

# ---- build: the whole reactor once; every service stage copies its jar from here ----
FROM ${JDK_IMAGE} AS build
WORKDIR /src
ENV PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The wrapper and the poms first, so that a source change does not download Maven and the plugins again.
COPY mvnw ./
COPY .mvn .mvn
RUN chmod +x mvnw && ./mvnw -B -q --version
COPY . .
RUN ./mvnw -B -ntp -q package -Dmaven.test.skip=true -Dspotless.check.skip=true \
    && mkdir /jars \
    && for m in auction-service agent-service orchestrator-service log-service report-service; do \
         if [ -d "$m" ]; then cp "$m"/target/"$m"-*-exec.jar /jars/"$m".jar; fi; \
       done

# ---- the runtime shared by the plain services ----
FROM ${JRE_IMAGE} AS service
RUN (getent group app || groupadd --system --gid 10001 app) \
    && (id app || useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app) \
    && mkdir -p /app/secrets && chown app:app /app /app/secrets && chmod 700 /app/secrets
WORKDIR /app
COPY docker/healthcheck docker/run-as-app /app/
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# Actuator (health, metrics, /actuator/prometheus) on a port of its own that Compose does not publish: Prometheus
# scrapes it inside the network, the HEALTHCHECK asks it (docker/healthcheck prefers this port); the public port
# serves the application alone.
ENV MANAGEMENT_SERVER_PORT=9091
EXPOSE 9091

FROM service AS auction-service
COPY --from=build /jars/auction-service.jar /app/app.jar
USER app
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD ["/app/healthcheck", "8080"]
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM service AS orchestrator-service
COPY --from=build /jars/orchestrator-service.jar /app/app.jar
# Talks to the Docker engine through the mounted socket: started as root, run-as-app joins the socket's group and runs
# the service as the app user (RUN_AS_APP_SOCKET), never as root.
ENV RUN_AS_APP_SOCKET=/var/run/docker.sock
EXPOSE 8082
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD ["/app/healthcheck", "8082"]
ENTRYPOINT ["/app/run-as-app", "/app/secrets", "--", "java", "-jar", "/app/app.jar"]

FROM service AS log-service
COPY --from=build /jars/log-service.jar /app/app.jar
# Starts as root only to hand a bind-mounted logs/ to the app user, then runs as that user (docker/run-as-app).
EXPOSE 8083
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD ["/app/healthcheck", "8083"]
ENTRYPOINT ["/app/run-as-app", "/app/logs", "/app/secrets", "--", "java", "-jar", "/app/app.jar"]

FROM service AS report-service
COPY --from=build /jars/report-service.jar /app/app.jar
EXPOSE 8084
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD ["/app/healthcheck", "8084"]
ENTRYPOINT ["/app/run-as-app", "/app/reports", "/app/state", "/app/secrets", "--", "java", "-jar", "/app/app.jar"]

# ---- the agent: a JVM, Playwright's driver (inside the jar) and a Chromium ----
FROM ${AGENT_BASE_IMAGE} AS agent-service
RUN (getent group app || groupadd --system --gid 10001 app) \
    && (id app || useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app) \
    && mkdir -p /app/secrets /run/start-gate && chown app:app /app /app/secrets /run/start-gate \
    && chmod 700 /app/secrets
WORKDIR /app
COPY docker/healthcheck docker/start-gate /app/
COPY --from=build /jars/agent-service.jar /app/app.jar
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
ENTRYPOINT ["/app/start-gate", "8081", "--", "java", "-jar", "/app/app.jar"]
