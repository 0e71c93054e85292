# Kushiro OpenData API: SDK build stage, then the self-contained app on the runtime-deps image as a non-root user.
# CI has no Docker engine, so .ci/run runs this file's publish command itself (same project, same options).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Kushiro.OpenData.Api/Kushiro.OpenData.Api.csproj src/Kushiro.OpenData.Api/
# Restored for this machine's runtime, as the self-contained ReadyToRun publish below needs (see the project file).
RUN dotnet restore src/Kushiro.OpenData.Api --use-current-runtime -p:PublishReadyToRun=true -p:SelfContained=true
COPY seed/ seed/
COPY src/ src/
RUN dotnet publish src/Kushiro.OpenData.Api -c Release -o /app --no-restore

# The app carries its own .NET runtime; runtime-deps has what that needs (ICU included).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The store lives in /app/data (the default connection string's relative path, from the content root /app).
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME /app/data
USER $APP_UID
# The image listens on 8080 (ASPNETCORE_HTTP_PORTS); set ASPNETCORE_URLS to listen elsewhere, and
# ConnectionStrings__Store to use another store file.
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# The image has no curl: the app probes itself (GET /health/live on the port above: the server answers; exit 0 or 1).
# Alive, not ready: a server whose store is down still serves what it holds in memory, and a replacement could not start.
# .ci/docker-healthcheck runs this command against the published app.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["/app/Kushiro.OpenData.Api", "health"]
ENTRYPOINT ["/app/Kushiro.OpenData.Api"]
