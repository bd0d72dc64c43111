#!/usr/bin/env bash
# AlignBot's inbound POST /api/messages side by side with the official Bot Framework JS SDK's echo bot, through
# ../shared/tools/peerbench: the same load tool, the same fake Bot Connector, in the same run, runs alternating.
# Publishes the host in Release, starts it anonymous on a fresh SQLite file, pinned like the peer (BOT_CPUS, default
# CPU 1; the load tool and the fake connector on LOAD_CPUS, default CPU 0), with 2,000 users in 100 tenants so
# Teams' send limits (7/s per conversation, 50/s per tenant) do not hold the replies back, and stops it after.
#
#   bench/peerbench.sh [seconds=10] [connections=10]        env: ROUNDS (4), BOT_CPUS, LOAD_CPUS, PORT (5000)
# Four rounds, not the tool's two: single runs of both bots swing +-15 % on a shared machine, and the ratio is of means.
#
# The last line is the ratio: "inbound ratio alignbot/peer = X (alignbot N rps p99 Y ms; peer …)".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${ALIGNBOT_SHARED_DIR:-$(cd "$root/../shared" && pwd)}
port=${PORT:-5000}
export BOT_CPUS=${BOT_CPUS:-1} LOAD_CPUS=${LOAD_CPUS:-0}
out=$(mktemp -d -t alignbot-peerbench.XXXXXX)
bot_pid=""
cleanup() {
  if [ -n "$bot_pid" ]; then kill "$bot_pid" 2>/dev/null || true; wait "$bot_pid" 2>/dev/null || true; fi
  rm -rf "$out"
}
trap cleanup EXIT

echo "[peerbench] publishing AlignBot (Release)"
dotnet publish -c Release src/AlignBot.Host -o "$out/app" --nologo -v quiet >/dev/null
cd "$out"
ASPNETCORE_ENVIRONMENT=Production AlignBot__AllowAnonymous=true Urls="http://127.0.0.1:$port" \
  ConnectionStrings__AlignBot="Data Source=$out/alignbot.db" Logging__LogLevel__Default=Warning \
  taskset -c "$BOT_CPUS" dotnet "$out/app/AlignBot.Host.dll" >"$out/bot.log" 2>&1 &
bot_pid=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { echo "[peerbench] AlignBot did not start"; cat "$out/bot.log"; exit 1; }

cd "$shared/tools/peerbench"
USERS=${USERS:-2000} TENANTS=${TENANTS:-100} ROUNDS=${ROUNDS:-4} TARGET_PID=$bot_pid \
  ./peerbench.sh "http://127.0.0.1:$port" "${1:-10}" "${2:-10}"
