#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 for the tests: a temp folder, a free port, owned by the postgres user
# (PostgreSQL refuses to run as root). Exports ALIGNBOT_TEST_POSTGRES (a connection string) and ALIGNBOT_PG_DATA.
pg_bin=/usr/lib/postgresql/15/bin
pg_root=$(mktemp -d /tmp/alignbot-pg.XXXXXX)
chown postgres:postgres "$pg_root"
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
runuser -u postgres -- "$pg_bin/initdb" -D "$pg_root/data" -U postgres --auth=trust -E UTF8 >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/log" -w \
  -o "-p $pg_port -k $pg_root -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export ALIGNBOT_PG_DATA="$pg_root/data"
export ALIGNBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Include Error Detail=true"
echo "[ci] postgres on port $pg_port"
