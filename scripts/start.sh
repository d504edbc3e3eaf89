#!/usr/bin/env bash
# Command one: sets up everything on a fresh machine and runs CoworkSync locally.
#
#   bash scripts/start.sh [--demo] [app arguments...]
#
# Steps: checks dotnet and node; installs the pinned npm tools (Azurite) when needed; builds the
# solution (Release); starts Azurite on loopback with its data in .data/azurite (or reuses an
# Azurite that already answers on those ports); runs the function app in local mode. Ctrl-C stops
# the app and the Azurite this script started.
#
# --demo also starts the demo Coworks space (tests/CoworkSync.Simulators, state in .data/demo) and,
# when FreeRADIUS is installed, a private FreeRADIUS on loopback (config in .data/demo/radius); the
# demo connects its space to CoworkSync, sends its members' webhooks, waits for their accounts and
# prints what to try next. CoworkSync's log then goes to .data/logs/coworksync.log. A function key,
# SMTP server, outbox, Key Vault or Service Bus set in local.settings.json or the environment is
# ignored then: the demo runs on local state only. Ctrl-C stops everything this script started.
# See README "Try it: the demo".
#
# Environment overrides:
#   AZURITE_BLOB_PORT / AZURITE_QUEUE_PORT / AZURITE_TABLE_PORT   default 10000 / 10001 / 10002
#   AZURITE_START_TIMEOUT   seconds to wait for Azurite's ports (default 30)
#   COWORKSYNC_PORT         CoworkSync's port on 127.0.0.1 (default 7071)
#   COWORKSYNC_DATA_DIR     the local data folder (default .data)
#   COWORKSYNC_CONFIGURATION  the build configuration to build and run (default Release)
#   COWORKSYNC_SKIP_BUILD=1   run what is already installed and built: no npm ci, no build (the demo test does)
#   COWORKSYNC_DEMO_PORT    the demo Coworks space's port on 127.0.0.1 (default 7072)
#   COWORKSYNC_DEMO_RADIUS_PORT  the demo FreeRADIUS's UDP auth port on 127.0.0.1 (default 18812; accounting: +1)
#   COWORKSYNC_DEMO_RADIUS=0     do not start FreeRADIUS for the demo
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

DEMO=0
APP_ARGS=()
for arg in "$@"; do
  if [ "$arg" = "--demo" ]; then DEMO=1; else APP_ARGS+=("$arg"); fi
done

BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
QUEUE_PORT="${AZURITE_QUEUE_PORT:-10001}"
TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
START_TIMEOUT="${AZURITE_START_TIMEOUT:-30}"
AZURITE_LOG="$DATA_DIR/logs/azurite.log"
CONFIGURATION="${COWORKSYNC_CONFIGURATION:-Release}"
APP_PORT="${COWORKSYNC_PORT:-7071}"
APP_DLL="$REPO_ROOT/functions/bin/$CONFIGURATION/net10.0/CoworkSync.Functions.dll"
APP_URL="http://127.0.0.1:$APP_PORT"
APP_LOG="$DATA_DIR/logs/coworksync.log"
DEMO_PORT="${COWORKSYNC_DEMO_PORT:-7072}"
DEMO_DLL="$REPO_ROOT/tests/CoworkSync.Simulators/bin/$CONFIGURATION/net10.0/CoworkSync.Simulators.dll"
RADIUS_PORT="${COWORKSYNC_DEMO_RADIUS_PORT:-18812}"
RADIUS_DIR="$DATA_DIR/demo/radius"
RADIUS_LOG="$DATA_DIR/logs/freeradius.log"

AZURITE_PID=""
APP_PID=""
RADIUS_PID=""
DEMO_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$DEMO_PID" ]; then
    log "Stopping the demo space (pid $DEMO_PID)"
    stop_process "$DEMO_PID" 5 "The demo space"
  fi
  if [ -n "$RADIUS_PID" ]; then
    log "Stopping FreeRADIUS (pid $RADIUS_PID)"
    stop_process "$RADIUS_PID" 5 "FreeRADIUS"
  fi
  if [ -n "$APP_PID" ]; then
    log "Stopping CoworkSync (pid $APP_PID)"
    stop_process "$APP_PID" 15 "CoworkSync"
  fi
  if [ -n "$AZURITE_PID" ]; then
    log "Stopping Azurite (pid $AZURITE_PID)"
    stop_process "$AZURITE_PID" 5 "Azurite"
  fi
  exit "$rc"
}
# Every process started here runs in a session of its own (setsid), so Ctrl-C reaches this script alone and
# the cleanup stops them in order, instead of racing them as they all see the signal at once.
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

for p in "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT" "$APP_PORT" "$DEMO_PORT" "$RADIUS_PORT"; do
  if ! [[ "$p" =~ ^[0-9]+$ ]] || [ "$p" -lt 1 ] || [ "$p" -gt 65534 ]; then
    err "Port '$p' is not a valid port (1-65534)"
    exit 2
  fi
done
if port_open "$APP_PORT"; then
  err "Port $APP_PORT is in use (is CoworkSync already running?). Stop it, or choose another port with COWORKSYNC_PORT."
  exit 1
fi
if [ "$DEMO" -eq 1 ] && port_open "$DEMO_PORT"; then
  err "Port $DEMO_PORT, the demo space's, is in use. Stop what listens there, or choose another port with COWORKSYNC_DEMO_PORT."
  exit 1
fi

check_prerequisites || exit 1
if [ "$DEMO" -eq 1 ]; then
  source "$REPO_ROOT/scripts/demo.sh"
  check_demo_radius_ports
fi
# With COWORKSYNC_SKIP_BUILD=1 an installed Azurite is used as it is: `npm ci` would replace node_modules
# under any Azurite already running from it (the integration tests run theirs while the demo test runs this).
if [ "${COWORKSYNC_SKIP_BUILD:-0}" = 1 ] && [ -f "$REPO_ROOT/node_modules/azurite/dist/src/azurite.js" ]; then
  log "Not checking the npm tools (COWORKSYNC_SKIP_BUILD=1): using the installed Azurite"
else
  ensure_node_tools
fi

if [ "${COWORKSYNC_SKIP_BUILD:-0}" = 1 ]; then
  log "Not building (COWORKSYNC_SKIP_BUILD=1): running the $CONFIGURATION build as it is"
else
  log "Building: dotnet build CoworkSync.sln -c $CONFIGURATION"
  dotnet build CoworkSync.sln -c "$CONFIGURATION" --nologo </dev/null
fi

# --- Azurite --------------------------------------------------------------------------------------
mkdir -p "$DATA_DIR/azurite" "$DATA_DIR/logs"

open_ports=()
for p in "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"; do
  if port_open "$p"; then open_ports+=("$p"); fi
done

if [ "${#open_ports[@]}" -eq 3 ]; then
  blob_server="$(http_server_header "$BLOB_PORT")"
  queue_server="$(http_server_header "$QUEUE_PORT")"
  table_server="$(http_server_header "$TABLE_PORT")"
  if [[ "$blob_server" == Azurite-Blob* && "$queue_server" == Azurite-Queue* && "$table_server" == Azurite-Table* ]]; then
    log "Azurite is already running on ports $BLOB_PORT/$QUEUE_PORT/$TABLE_PORT ($blob_server); reusing it (it will not be stopped on exit)"
  else
    err "Ports $BLOB_PORT/$QUEUE_PORT/$TABLE_PORT are in use, but not by Azurite (Server headers: '${blob_server}', '${queue_server}', '${table_server}')."
    err "Stop whatever listens there, or choose other ports with AZURITE_BLOB_PORT / AZURITE_QUEUE_PORT / AZURITE_TABLE_PORT."
    exit 1
  fi
elif [ "${#open_ports[@]}" -gt 0 ]; then
  err "Port(s) ${open_ports[*]} already in use, but not all of $BLOB_PORT/$QUEUE_PORT/$TABLE_PORT answer, so this is not a running Azurite."
  err "Free those ports, or choose others with AZURITE_BLOB_PORT / AZURITE_QUEUE_PORT / AZURITE_TABLE_PORT."
  exit 1
else
  log "Starting Azurite on 127.0.0.1:$BLOB_PORT (blob), :$QUEUE_PORT (queue), :$TABLE_PORT (table); data in $DATA_DIR/azurite, log in $AZURITE_LOG"
  printf -- '--- %s: scripts/start.sh starts Azurite\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$AZURITE_LOG"
  # stdin from /dev/null so Azurite never competes with the app for the terminal.
  setsid node node_modules/azurite/dist/src/azurite.js \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$BLOB_PORT" --queuePort "$QUEUE_PORT" --tablePort "$TABLE_PORT" \
    --skipApiVersionCheck --disableProductStyleUrl --disableTelemetry \
    --location "$DATA_DIR/azurite" --silent \
    </dev/null >>"$AZURITE_LOG" 2>&1 &
  AZURITE_PID=$!

  deadline=$((SECONDS + START_TIMEOUT))
  while :; do
    ready=1
    for p in "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"; do
      port_open "$p" || { ready=0; break; }
    done
    [ "$ready" -eq 1 ] && break
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      wait "$AZURITE_PID" 2>/dev/null || true
      AZURITE_PID=""
      err "Azurite exited during startup. See its log: $AZURITE_LOG"
      tail -n 20 "$AZURITE_LOG" >&2 || true
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      err "Azurite did not accept connections on ports $BLOB_PORT/$QUEUE_PORT/$TABLE_PORT within ${START_TIMEOUT} s. See its log: $AZURITE_LOG"
      tail -n 20 "$AZURITE_LOG" >&2 || true
      exit 1
    fi
    sleep 0.2
  done
  log "Azurite is ready (pid $AZURITE_PID)"
fi

if [ "$BLOB_PORT" = 10000 ] && [ "$QUEUE_PORT" = 10001 ] && [ "$TABLE_PORT" = 10002 ]; then
  STORAGE_CONNECTION_STRING="UseDevelopmentStorage=true"
else
  # Azurite's well-known development account and key (public, documented by Microsoft).
  STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$QUEUE_PORT/devstoreaccount1;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
fi

# --- The function app (local mode) ----------------------------------------------------------------
[ -f "$APP_DLL" ] || { err "The build did not produce $APP_DLL"; exit 1; }

export LocalData__Path="$DATA_DIR"
export Storage__ConnectionString="$STORAGE_CONNECTION_STRING"
export ASPNETCORE_ENVIRONMENT=Development

if [ "$DEMO" -eq 0 ]; then
  log "Starting CoworkSync: $APP_URL  (health: $APP_URL/api/health)  — press Ctrl-C to stop"
  setsid dotnet "$APP_DLL" --urls "$APP_URL" "${APP_ARGS[@]}" </dev/null &
  APP_PID=$!
else
  [ -f "$DEMO_DLL" ] || { err "The build did not produce $DEMO_DLL"; exit 1; }
  use_local_demo_settings
  log "Starting CoworkSync: $APP_URL  (its log: $APP_LOG)"
  printf -- '--- %s: scripts/start.sh --demo starts CoworkSync\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$APP_LOG"
  setsid dotnet "$APP_DLL" --urls "$APP_URL" "${APP_ARGS[@]}" </dev/null >>"$APP_LOG" 2>&1 &
  APP_PID=$!
  start_demo
fi

# Run until the app exits, or anything else this script started dies underneath it.
pids=("$APP_PID")
for pid in "$AZURITE_PID" "$RADIUS_PID" "$DEMO_PID"; do
  if [ -n "$pid" ]; then pids+=("$pid"); fi
done
set +e
wait -n "${pids[@]}"
rc=$?
set -e
if ! kill -0 "$APP_PID" 2>/dev/null; then
  APP_PID=""
  log "CoworkSync exited with code $rc"
  if [ "$DEMO" -eq 1 ]; then log "Its log: $APP_LOG"; fi
  exit "$rc"
fi
if [ -n "$AZURITE_PID" ] && ! kill -0 "$AZURITE_PID" 2>/dev/null; then
  err "Azurite (pid $AZURITE_PID) exited unexpectedly; stopping CoworkSync. See $AZURITE_LOG"
  AZURITE_PID=""
elif [ -n "$RADIUS_PID" ] && ! kill -0 "$RADIUS_PID" 2>/dev/null; then
  err "FreeRADIUS (pid $RADIUS_PID) exited unexpectedly; stopping everything. See $RADIUS_LOG"
  RADIUS_PID=""
else
  err "The demo space (pid $DEMO_PID) exited with code $rc; stopping everything. CoworkSync's log: $APP_LOG"
  DEMO_PID=""
fi
exit 1
