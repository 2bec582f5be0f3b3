# syntax=docker/dockerfile:1
# One image per Archon module: docker build --build-arg MODULE=archon-vector .
# Build stage: the whole reactor is copied, but only MODULE and what it needs (-am) is built.
ARG JDK_IMAGE=maven:3.9.11-eclipse-temurin-25
ARG JRE_IMAGE=eclipse-temurin:25.0.1_8-jre-noble

FROM ${JDK_IMAGE} AS build
ARG MODULE
WORKDIR /src
COPY . .
# BuildKit keeps ~/.m2 between builds, so a code change downloads nothing; the image's Maven is a 3.9,
# as the build's enforcer rules require.
RUN --mount=type=cache,target=/root/.m2 \
	test -n "${MODULE}" || { echo "build with --build-arg MODULE=archon-<service>" >&2; exit 1; } \
	&& mvn -B -q -pl "${MODULE}" -am -DskipTests package \
	&& jar=$(ls "${MODULE}"/target/"${MODULE}"-*-exec.jar 2>/dev/null || ls "${MODULE}"/target/"${MODULE}"-*-SNAPSHOT.jar) \
	&& cp "$jar" /app.jar \
	&& java -Djarmode=tools -jar /app.jar extract --layers --launcher --destination /extracted \
	&& mkdir -p /resources \
	&& if [ "${MODULE}" = archon-agentgen ]; then cp -r agent-resources /resources/; fi

FROM ${JRE_IMAGE}
ARG MODULE
# agentgen checks every generated Python file with python3's own parser (ast), as under ./archon up:
# without it each generation in a container reported its syntax check as skipped.
RUN if [ "${MODULE}" = archon-agentgen ]; then \
		apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*; \
	fi
RUN groupadd --system --gid 10001 archon && useradd --system --uid 10001 --gid archon --home-dir /app archon
WORKDIR /app
# Layers from the least to the most often changed, so a code change rebuilds only the last one.
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
# The advisor's library (agentgen only; empty for the other modules), found as ./agent-resources.
COPY --from=build /resources/ ./
COPY --from=build /extracted/application/ ./
RUN mkdir -p /app/.archon && chown archon:archon /app/.archon
USER archon
# The heap starts at its full size, as under ./archon up (see java_opts in deploy/local/lib/cluster.sh):
# a small young generation made the serial collector pause every second under load.
ENV SERVER_PORT=8080 \
	JAVA_TOOL_OPTIONS="-XX:InitialRAMPercentage=75 -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
# The management port is the service port + 1000, like everywhere in Archon.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
	CMD curl -fsS "http://localhost:$((SERVER_PORT + 1000))/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
