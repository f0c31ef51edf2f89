# MedTour.Cms web host.
#   docker build -t medtour-cms .
#   docker run -p 8080:8080 -v medtour-data:/data medtour-cms
# Same steps as test.sh: restore, build Release (here: publish the Web project and what it references).

# ---- build ------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The admin's front-end is bundled by esbuild (npm) during the Modules project's build.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*

# Restore inputs first, so the package layer is reused until a project file or the package versions change.
# Only the host and the projects it references are restored (tests stay out of the image); a new src/ project
# referenced by the host needs its .csproj listed here.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/MedTour.Cms.Core/MedTour.Cms.Core.csproj src/MedTour.Cms.Core/
COPY src/MedTour.Cms.Modules/MedTour.Cms.Modules.csproj src/MedTour.Cms.Modules/
COPY src/MedTour.Cms.Modules/Admin/Assets/package.json src/MedTour.Cms.Modules/Admin/Assets/package-lock.json src/MedTour.Cms.Modules/Admin/Assets/
RUN cd src/MedTour.Cms.Modules/Admin/Assets && npm ci --no-audit --no-fund
COPY src/MedTour.Cms.Web/MedTour.Cms.Web.csproj src/MedTour.Cms.Web/
RUN dotnet restore src/MedTour.Cms.Web/MedTour.Cms.Web.csproj -r linux-x64

COPY . .
# recipes/ and themes/ are Content items of the Web project, so publish puts them next to the binaries.
# Release publishes are ReadyToRun for linux-x64 (see the Web project), hence the restore for that runtime.
RUN dotnet publish src/MedTour.Cms.Web -c Release -r linux-x64 -o /app --no-restore

# ---- runtime ----------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# The image sets ASPNETCORE_HTTP_PORTS=8080; clear it so ASPNETCORE_URLS is the only binding (no override warning).
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS="" \
    MedTour__AppDataPath=/data \
    Logging__Console__FormatterName=json

# Tenants, their databases and uploads live in /data; created before VOLUME so a new volume inherits the owner.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data

COPY --from=build /app ./

# The image's non-root "app" user.
USER $APP_UID
EXPOSE 8080

# No HEALTHCHECK: the image has no curl/wget. Probe GET /health/live (liveness) and /health/ready (setup done)
# from the orchestrator instead.
ENTRYPOINT ["dotnet", "MedTour.Cms.Web.dll"]
