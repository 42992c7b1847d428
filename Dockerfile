# Builds the runnable jar and runs it on a JRE. Used by docker-compose.yml with external PostgreSQL and MongoDB.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app clientsms
WORKDIR /app
COPY --from=build /src/application/target/client-sms.jar /app/client-sms.jar
USER clientsms
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/client-sms.jar"]
