#!/usr/bin/env bash
# AlignBot CI: the real Teams client check. Starts the bot as the README says (dotnet run, anonymous local
# mode, a fresh SQLite file in a temp folder), waits for /healthz, drives Microsoft 365 Agents Playground
# in headless Chromium through tests/playground/foundation.steps.json, stops the bot by its pid, and exits
# with the checker's exit code (0 = every step passed).
#
#   .ci/playground.sh [extra playground-check.js options, e.g. --timeout 30000]
#
# Output in artifacts/playground/: one screenshot per step (NN-<step>.png), result.json, the playground's
# logs, and bot.log (the bot's console). Env: ALIGNBOT_SHARED_DIR (default ../shared), CHROMIUM_PATH,
# PLAYGROUND_STEPS (default tests/playground/foundation.steps.json), PLAYGROUND_OUT (default artifacts/playground),
# PLAYGROUND_ENV (a file of KEY=value lines exported to the bot only; quote values with spaces; e.g. the organization as configuration:
# tests/playground/feedback.env), BOT_START_TIMEOUT seconds (default 600: dotnet run builds first, and this
# machine is shared), BOT_PORT (default 3978; another free port when other bots run on this machine).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${ALIGNBOT_SHARED_DIR:-$(cd "$root/../shared" && pwd)}
steps=${PLAYGROUND_STEPS:-tests/playground/foundation.steps.json}
out=${PLAYGROUND_OUT:-artifacts/playground}
bot_env=${PLAYGROUND_ENV:-}
bot_port=${BOT_PORT:-3978}
bot_url=http://localhost:$bot_port
start_timeout=${BOT_START_TIMEOUT:-600}
log() { printf '[playground] %s\n' "$*"; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM_PATH" ]; then
  log "no Chromium at $CHROMIUM_PATH (apt-get install -y chromium)"
  exit 1
fi
if [ ! -d "$shared/tools/playground/node_modules" ]; then
  log "npm ci playground"
  npm ci --prefix "$shared/tools/playground" --no-audit --no-fund --loglevel=error >/dev/null
fi

# Another process on the port would answer /healthz and the playground in our bot's place.
if (exec 3<>/dev/tcp/127.0.0.1/"$bot_port") 2>/dev/null; then
  log "port $bot_port is already in use; stop whatever listens there first (ss -ltnp 'sport = :$bot_port'), or set BOT_PORT"
  exit 1
fi

rm -rf "$out"
mkdir -p "$out"
data=$(mktemp -d /tmp/alignbot-playground.XXXXXX)
bot_pid=""
stop_bot() {
  if [ -n "$bot_pid" ] && kill -0 "$bot_pid" 2>/dev/null; then
    log "stopping the bot (pid $bot_pid)"
    # The bot runs in its own session (setsid), so its process group holds dotnet run and the app it
    # started, and nothing else. Ctrl+C first, as a person would; then TERM; then KILL.
    kill -INT -- "-$bot_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$bot_pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$bot_pid" 2>/dev/null; then kill -TERM -- "-$bot_pid" 2>/dev/null || true; sleep 3; fi
    if kill -0 "$bot_pid" 2>/dev/null; then kill -KILL -- "-$bot_pid" 2>/dev/null || true; fi
    wait "$bot_pid" 2>/dev/null || true
  fi
  bot_pid=""
}
cleanup() { stop_bot; rm -rf "$data"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$bot_env" ] && [ ! -f "$bot_env" ]; then
  log "PLAYGROUND_ENV names $bot_env, which does not exist"
  exit 2
fi

log "starting the bot: dotnet run --project src/AlignBot.Host (database $data/alignbot.db${bot_env:+, settings from $bot_env})"
(
  # The settings file is plain KEY=value lines (ASP.NET Core's environment variable names: AlignBot__Feedback__...),
  # exported to the bot's process only.
  if [ -n "$bot_env" ]; then
    set -a
    # shellcheck disable=SC1090
    . "$bot_env"
    set +a
  fi
  ASPNETCORE_ENVIRONMENT=Development \
  Urls="$bot_url" \
  ConnectionStrings__AlignBot="Data Source=$data/alignbot.db" \
    exec setsid dotnet run --project src/AlignBot.Host
) > "$out/bot.log" 2>&1 &
bot_pid=$!

deadline=$((SECONDS + start_timeout))
until curl -fs -o /dev/null --max-time 2 "$bot_url/healthz"; do
  if ! kill -0 "$bot_pid" 2>/dev/null; then
    log "the bot exited before it was healthy; the end of $out/bot.log:"
    tail -n 40 "$out/bot.log" >&2
    bot_pid=""
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    log "the bot was not healthy at $bot_url/healthz within ${start_timeout}s; the end of $out/bot.log:"
    tail -n 40 "$out/bot.log" >&2
    exit 1
  fi
  sleep 1
done
log "bot healthy at $bot_url (pid $bot_pid)"

set +e
node "$shared/tools/playground/playground-check.js" \
  --bot "$bot_url/api/messages" --out "$out" --script "$steps" "$@"
status=$?
set -e

stop_bot
log "screenshots and result.json in $out/"
exit "$status"
