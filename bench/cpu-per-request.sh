#!/usr/bin/env bash
# CPU time AlignBot spends per inbound POST /api/messages, the whole pipeline included (de-duplication, conversation
# and person, outbox row, the reply through the dispatcher to a fake Bot Connector, the sent mark). Publishes the host
# in Release, starts it anonymous on a fresh SQLite file pinned to one CPU (BOT_CPUS, default 1; the load and the
# fake connector on LOAD_CPUS, default 0), posts WARMUP warm-up requests (default 30,000: about 15 s, the time the
# runtime takes on one core to compile the hot code optimized) and then N measured ones, and prints the bot's CPU time
# per request from /proc. Uses ../shared/tools/peerbench's load tool and fake connector.
#
#   bench/cpu-per-request.sh [requests=10000] [connections=10]      env: WARMUP, BOT_CPUS, LOAD_CPUS, PORT (5000)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${ALIGNBOT_SHARED_DIR:-$(cd "$root/../shared" && pwd)}
export PEERBENCH_DIR="$shared/tools/peerbench"
[ -d "$PEERBENCH_DIR/node_modules" ] || (cd "$PEERBENCH_DIR" && npm ci --silent)
port=${PORT:-5000}
out=$(mktemp -d -t alignbot-cpu.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$out"
}
trap cleanup EXIT

echo "[cpu] publishing AlignBot (Release)"
dotnet publish -c Release src/AlignBot.Host -o "$out/app" --nologo -v quiet >/dev/null
taskset -c "${LOAD_CPUS:-0}" node "$PEERBENCH_DIR/fakeconnector.js" --port 0 --port-file "$out/fc.port" >"$out/fc.log" 2>&1 &
pids+=($!)
cd "$out"
ASPNETCORE_ENVIRONMENT=Production AlignBot__AllowAnonymous=true Urls="http://127.0.0.1:$port" \
  ConnectionStrings__AlignBot="Data Source=$out/alignbot.db" Logging__LogLevel__Default=Warning \
  taskset -c "${BOT_CPUS:-1}" dotnet "$out/app/AlignBot.Host.dll" >"$out/bot.log" 2>&1 &
bot_pid=$!
pids+=($bot_pid)
for _ in $(seq 1 150); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && [ -s "$out/fc.port" ] && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { echo "[cpu] AlignBot did not start"; cat "$out/bot.log"; exit 1; }
taskset -c "${LOAD_CPUS:-0}" node "$root/bench/cpu-per-request.js" "http://127.0.0.1:$port" "http://127.0.0.1:$(cat "$out/fc.port")" \
  "$bot_pid" "${1:-10000}" "${2:-10}"
