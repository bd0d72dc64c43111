#!/usr/bin/env bash
# AlignBot CI: compiles and lints infra/main.bicep (and its modules) with the Bicep CLI, which NuGet ships
# as the package Azure.Bicep.CommandLine.linux-x64 (restored once into the NuGet cache; no az CLI needed).
# The CLI checks every resource against the Azure API types it carries: unknown properties, wrong value
# types and API versions without types are warnings, and this script fails on any warning or error.
set -euo pipefail
cd "$(dirname "$0")/.."
bicep_version=0.49.2
package=azure.bicep.commandline.linux-x64
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
bicep="$packages/$package/$bicep_version/tools/bicep"
log() { printf '[infra] %s\n' "$*"; }

if [ ! -x "$bicep" ]; then
  log "restoring the Bicep CLI $bicep_version from NuGet"
  restore=$(mktemp -d /tmp/alignbot-bicep.XXXXXX)
  trap 'rm -rf "$restore"' EXIT
  cat > "$restore/bicep.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$bicep_version]" /></ItemGroup>
</Project>
EOF
  dotnet restore "$restore/bicep.csproj" --packages "$packages" >/dev/null
  chmod +x "$bicep"
fi

out=$(mktemp /tmp/alignbot-bicep-build.XXXXXX.json)
set +e
diagnostics=$("$bicep" build infra/main.bicep --outfile "$out" 2>&1)
status=$?
set -e
rm -f "$out"
if [ -n "$diagnostics" ]; then printf '%s\n' "$diagnostics"; fi
if [ "$status" -ne 0 ] || printf '%s' "$diagnostics" | grep -Eq ' : (Warning|Error) '; then
  log "infra/main.bicep: build failed or has warnings"
  exit 1
fi
log "infra/main.bicep builds with no warnings (Bicep $bicep_version)"
