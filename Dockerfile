# The hub as a container: build the jar first (mvn -B -DskipTests package). It listens on every
# interface, so it refuses to start until HUB_PSEUDONYM_SECRET, HUB_AUDIT_KEY, HUB_TOKEN_ADMIN and
# HUB_TOKEN_JOBCENTER are set (README, Development values); docker-compose.yml sets them.
FROM eclipse-temurin:17.0.15_6-jre
RUN useradd --system --uid 10001 hub && mkdir -p /var/lib/youthhub && chown hub /var/lib/youthhub
USER hub
COPY routes/target/youthhub.jar /opt/youthhub/youthhub.jar
ENV HUB_DATA_DIR=/var/lib/youthhub SERVER_ADDRESS=0.0.0.0
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/youthhub/youthhub.jar"]
