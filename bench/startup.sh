#!/usr/bin/env bash
# Time from start to ready and idle memory of the host as it ships: published for linux-x64 with ReadyToRun
# (precompiled code, less JIT at start), started as its own process on a fresh SQLite file, 3 runs.
#   bench/startup.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d -t alignbot-startup.XXXXXX)
trap 'rm -rf "$out"' EXIT
echo "[startup] publishing AlignBot for linux-x64 with ReadyToRun"
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true src/AlignBot.Host -o "$out" --nologo -v quiet >/dev/null
dotnet build -c Release bench/AlignBot.Bench --nologo -v quiet >/dev/null
dotnet run -c Release --no-build --project bench/AlignBot.Bench -- startup --runs "${1:-3}" --host "$out/AlignBot.Host.dll"
