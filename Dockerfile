# Builds and runs Tandem; used by docker-compose.yml (production profile, PostgreSQL).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
# Chinese, Japanese and Korean in invoices and reports: the Droid Sans Fallback font (see README).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-droid-fallback \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Starts about a third faster than `java -jar` (README, Volume: B4): the jar extracted (its
# libraries as plain jars in lib/), and the classes a start loads recorded once, at build time, in
# a class-data-sharing archive, by a training run that refreshes the application on an in-memory
# H2 database and exits. The archive holds the paths of the jars, so Tandem is started from /app
# as tandem.jar, as in the training run; with another JVM it is ignored with a warning.
COPY --from=build /src/target/tandem-*.jar /tmp/tandem.jar
RUN java -Djarmode=tools -jar /tmp/tandem.jar extract --destination /app --application-filename tandem.jar \
    && rm /tmp/tandem.jar \
    && java -XX:ArchiveClassesAtExit=tandem.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
        -Dspring.context.exit=onRefresh -Dspring.datasource.url=jdbc:h2:mem:training -jar tandem.jar > /dev/null
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=tandem.jsa", "-jar", "tandem.jar"]
