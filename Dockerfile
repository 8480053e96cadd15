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
COPY --from=build /src/target/tandem-*.jar tandem.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tandem.jar"]
