# syntax=docker/dockerfile:1
# PlanLedger: built with the Maven wrapper in one stage, run on a JRE in the next.

FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY domain/ domain/
COPY command-side/ command-side/
COPY query-side/ query-side/
COPY app/ app/
# the Maven repository is cached between builds; the tests run in CI, not here
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre-jammy
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app planledger \
    && mkdir -p /data && chown planledger /data
WORKDIR /app
COPY --from=build /src/app/target/planledger.jar /app/planledger.jar
USER planledger
# in a container the service listens on every interface of the container; data (embedded mode only) under /data
ENV SERVER_ADDRESS=0.0.0.0 \
    PLANLEDGER_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Daxoniq.update-checker.disabled=true"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=5 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/planledger.jar"]
