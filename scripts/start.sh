#!/usr/bin/env bash
# Command one: sets up everything on a fresh machine and runs CoworkSync locally.
#
#   bash scripts/start.sh [app arguments...]     e.g. bash scripts/start.sh --demo
#
# Steps: checks dotnet and node; installs the pinned npm tools (Azurite) when needed; builds the
# solution (Release); starts Azurite on loopback with its data in .data/azurite (or reuses an
# Azurite that already answers on those ports); runs the function app in local mode. Ctrl-C stops
# the app and the Azurite this script started.
#
# Environment overrides:
#   AZURITE_BLOB_PORT / AZURITE_QUEUE_PORT / AZURITE_TABLE_PORT   default 10000 / 10001 / 10002
#   AZURITE_START_TIMEOUT   seconds to wait for Azurite's ports (default 30)
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

BLOB_PORT="${AZURITE_BLOB_PORT:-10000}"
QUEUE_PORT="${AZURITE_QUEUE_PORT:-10001}"
TABLE_PORT="${AZURITE_TABLE_PORT:-10002}"
START_TIMEOUT="${AZURITE_START_TIMEOUT:-30}"
AZURITE_LOG="$DATA_DIR/logs/azurite.log"
APP_DLL="$REPO_ROOT/functions/bin/Release/net10.0/CoworkSync.Functions.dll"
APP_URL="http://127.0.0.1:7071"

AZURITE_PID=""
APP_PID=""

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
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
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for p in "$BLOB_PORT" "$QUEUE_PORT" "$TABLE_PORT"; do
  if ! [[ "$p" =~ ^[0-9]+$ ]] || [ "$p" -lt 1 ] || [ "$p" -gt 65535 ]; then
    err "Azurite port '$p' is not a valid TCP port (1-65535)"
    exit 2
  fi
done

check_prerequisites || exit 1
ensure_node_tools

log "Building: dotnet build CoworkSync.sln -c Release"
dotnet build CoworkSync.sln -c Release --nologo </dev/null

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
  log "Starting Azurite on 127.0.0.1:$BLOB_PORT (blob), :$QUEUE_PORT (queue), :$TABLE_PORT (table); data in .data/azurite, log in $AZURITE_LOG"
  printf -- '--- %s: scripts/start.sh starts Azurite\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >>"$AZURITE_LOG"
  # stdin from /dev/null so Azurite never competes with the app for the terminal.
  node node_modules/azurite/dist/src/azurite.js \
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

log "Starting CoworkSync: $APP_URL  (health: $APP_URL/api/health)  — press Ctrl-C to stop"
LocalData__Path="$DATA_DIR" \
  Storage__ConnectionString="$STORAGE_CONNECTION_STRING" \
  ASPNETCORE_ENVIRONMENT=Development \
  dotnet "$APP_DLL" "$@" &
APP_PID=$!

# Run until the app exits (or Azurite, if this script started it, dies underneath it).
set +e
if [ -n "$AZURITE_PID" ]; then
  wait -n "$APP_PID" "$AZURITE_PID"
else
  wait "$APP_PID"
fi
rc=$?
set -e
if ! kill -0 "$APP_PID" 2>/dev/null; then
  APP_PID=""
  log "CoworkSync exited with code $rc"
  exit "$rc"
fi
err "Azurite (pid $AZURITE_PID) exited unexpectedly; stopping CoworkSync. See $AZURITE_LOG"
AZURITE_PID=""
exit 1
