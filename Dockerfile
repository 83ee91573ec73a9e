# syntax=docker/dockerfile:1
# The Beyond Utopia bot in a container: built with the SDK, run on the ASP.NET runtime image as
# an unprivileged user. docs/DEPLOY.md shows how to build and run it.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY knowledge/ knowledge/
COPY prompts/ prompts/
# One runtime (the builder's architecture) instead of every platform's native libraries.
ARG TARGETARCH
RUN dotnet publish src/Bot/Bot.csproj -c Release --no-self-contained -a "$TARGETARCH" -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The index, vectors, state key and SQLite database live in /data: mount a volume there.
RUN mkdir /data && chown app:app /data
VOLUME /data
ENV Knowledge__DataFolder=/data \
    Discord__HttpUrls=http://0.0.0.0:8080 \
    Observability__Urls=http://0.0.0.0:9464 \
    Logging__Console__FormatterName=json \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# 8080: the HTTP interactions endpoint (Discord__Transport=Http); 9464: /healthz/* and /metrics.
EXPOSE 8080 9464
USER app
# The runtime image has no curl: bash's /dev/tcp asks /healthz/live and wants a 200.
HEALTHCHECK --interval=30s --timeout=5s --start-period=2m --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9464 && printf 'GET /healthz/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Bot.dll"]
CMD ["run"]
