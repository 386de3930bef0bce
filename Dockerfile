# CoProduce server image. Build from the repository root:  docker build -t coproduce .
# Stage 1 builds and publishes with the .NET SDK; Node.js is added there only to compile the
# GOV.UK Frontend assets (npm ci + Sass), which the csproj does as part of the build.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first, from the project files only, so that this layer is cached between code changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/CoProduce.GraphQL/CoProduce.GraphQL.csproj src/CoProduce.GraphQL/
COPY src/CoProduce.Core/CoProduce.Core.csproj src/CoProduce.Core/
COPY src/CoProduce.Server/CoProduce.Server.csproj src/CoProduce.Server/
RUN dotnet restore src/CoProduce.Server/CoProduce.Server.csproj

# npm packages, also cached separately.
COPY src/CoProduce.Server/package.json src/CoProduce.Server/package-lock.json src/CoProduce.Server/
RUN cd src/CoProduce.Server && npm ci --no-audit --no-fund --loglevel=error

COPY locales/ locales/
COPY src/ src/
RUN dotnet publish src/CoProduce.Server/CoProduce.Server.csproj -c Release --no-restore -o /app

# Stage 2: the ASP.NET Core runtime only, running as the image's non-root user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    Urls=http://+:8080
EXPOSE 8080
# The data folder (data-protection keys, the generated secret key, SQLite if used) is a volume in
# docker-compose.yml; made here so a new named volume starts owned by the non-root user.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data && chmod 700 /app/data
USER $APP_UID
ENTRYPOINT ["dotnet", "CoProduce.Server.dll"]
