# syntax=docker/dockerfile:1
# Mercado Cercano web app (also runs the fulfilment worker when Fulfilment__RunWorker=true).
#   docker build -t mercado-cercano .
#   docker compose up        (see docker-compose.yml: web, worker, redis, postgres, azurite)

# ---- build ---------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /src

# Restore first from the build settings and project files only, so the (slow) restore layer is
# reused until a package version or a project reference changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Market.Core/Market.Core.csproj     src/Market.Core/
COPY src/Market.Orders/Market.Orders.csproj src/Market.Orders/
COPY src/Market.Admin/Market.Admin.csproj   src/Market.Admin/
COPY src/Market.Web/Market.Web.csproj       src/Market.Web/
COPY src/Market.Worker/Market.Worker.csproj src/Market.Worker/
RUN dotnet restore src/Market.Web/Market.Web.csproj -r linux-x64 \
 && dotnet restore src/Market.Worker/Market.Worker.csproj -r linux-x64

COPY src/ src/
RUN dotnet publish src/Market.Web/Market.Web.csproj -c Release -r linux-x64 --self-contained false -o /app /p:UseAppHost=false \
 && dotnet publish src/Market.Worker/Market.Worker.csproj -c Release -r linux-x64 --self-contained false -o /app/worker /p:UseAppHost=false

# ---- runtime -------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# The demo's product pictures and shop logos carry text; Skia finds fonts as files, and the image has none.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

# ./data (SQLite file, photos under data/blobs) must be writable by the non-root user.
RUN mkdir -p /app/data && chown app:app /app/data

COPY --from=build --chown=root:root /app ./

ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
VOLUME ["/app/data"]

# The .NET images ship a non-root user "app" (UID 1654).
USER app
# The web app by default; the standalone fulfilment worker is `dotnet /app/worker/Market.Worker.dll`
# with /app/worker as working directory (docker-compose.yml does that).
ENTRYPOINT ["dotnet", "Market.Web.dll"]
