# shellcheck shell=bash
# The demo part of scripts/start.sh --demo. Source it from start.sh; check_demo_radius_ports runs before
# the build, start_demo once CoworkSync was started. It uses start.sh's variables and sets RADIUS_PID and
# DEMO_PID, which start.sh's cleanup stops.

# Debian installs freeradius in /usr/sbin, which is not on a normal user's PATH.
case ":$PATH:" in *:/usr/sbin:*) ;; *) export PATH="$PATH:/usr/sbin" ;; esac

DEMO_START_TIMEOUT="${COWORKSYNC_DEMO_START_TIMEOUT:-60}"
RADIUS_START_TIMEOUT=20

# Exits with what to do when UDP port $1 on loopback, the demo FreeRADIUS's $2 port, is taken.
require_free_radius_port() {
  udp_port_free "$1" && return 0
  err "UDP port $1 on 127.0.0.1, the demo FreeRADIUS's $2 port, is taken (by a FreeRADIUS already running?)."
  err "Choose other ports with COWORKSYNC_DEMO_RADIUS_PORT=N (auth N, accounting N+1), or leave RADIUS out with COWORKSYNC_DEMO_RADIUS=0."
  exit 1
}

# Only when the demo will start FreeRADIUS: without it, nothing here listens on those ports.
check_demo_radius_ports() {
  [ "${COWORKSYNC_DEMO_RADIUS:-1}" = 0 ] && return 0
  command -v freeradius >/dev/null 2>&1 || return 0
  require_free_radius_port "$RADIUS_PORT" auth
  require_free_radius_port "$((RADIUS_PORT + 1))" accounting
}

# The demo and the commands it prints read the key from $DATA_DIR/function-key and passwords from the .eml
# outbox, and keep all state local: these win over local.settings.json (read from the repository root) and
# the environment. An empty value counts as unset.
use_local_demo_settings() {
  export LocalMode__FunctionKey="" Email__SmtpHost="" Email__OutboxPath="$DATA_DIR/mail"
  export KeyVault__VaultUri="" ServiceBusConnection__fullyQualifiedNamespace=""
}

# Waits until CoworkSync listens and has its function key (it creates it when it starts).
wait_for_app() {
  local deadline=$((SECONDS + DEMO_START_TIMEOUT))
  until port_open "$APP_PORT" && [ -s "$DATA_DIR/function-key" ]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      err "CoworkSync exited during startup. Its log: $APP_LOG"
      tail -n 20 "$APP_LOG" >&2 || true
      exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      err "CoworkSync did not answer on $APP_URL within ${DEMO_START_TIMEOUT} s. Its log: $APP_LOG"
      exit 1
    fi
    sleep 0.2
  done
}

# Starts the private FreeRADIUS when it can run here; otherwise sets RADIUS_MISSING to why not.
start_demo_radius() {
  RADIUS_MISSING=""
  if [ "${COWORKSYNC_DEMO_RADIUS:-1}" = 0 ]; then
    RADIUS_MISSING="not started (COWORKSYNC_DEMO_RADIUS=0)."
    return 0
  fi
  local prepared rc=0
  prepared="$(bash "$REPO_ROOT/scripts/demo-radius.sh" "$RADIUS_DIR" "$RADIUS_PORT" "$((RADIUS_PORT + 1))" 2>&1)" || rc=$?
  if [ "$rc" -eq 3 ]; then
    RADIUS_MISSING="$prepared"
    warn "No RADIUS in this demo: $prepared"
    return 0
  elif [ "$rc" -ne 0 ]; then
    RADIUS_MISSING="preparing FreeRADIUS failed (see the start output)."
    warn "Preparing FreeRADIUS failed: $prepared"
    return 0
  fi

  local key from
  key="$(cat "$DATA_DIR/function-key")"
  touch "$RADIUS_LOG"
  from=$(($(wc -l <"$RADIUS_LOG") + 1))
  log "Starting FreeRADIUS on 127.0.0.1:$RADIUS_PORT (auth) and :$((RADIUS_PORT + 1)) (accounting); config in $RADIUS_DIR, log in $RADIUS_LOG"
  # -f: foreground, so this script owns it; no -X, whose debug output would show passwords and the key.
  COWORKSYNC_URL="$APP_URL" COWORKSYNC_FUNCTION_KEY="$key" \
    setsid freeradius -f -l stdout -d "$RADIUS_DIR/raddb" </dev/null >>"$RADIUS_LOG" 2>&1 &
  RADIUS_PID=$!
  local deadline=$((SECONDS + RADIUS_START_TIMEOUT))
  until tail -n "+$from" "$RADIUS_LOG" | grep -q "Ready to process requests"; do
    if ! kill -0 "$RADIUS_PID" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      stop_process "$RADIUS_PID" 2 "FreeRADIUS"
      RADIUS_PID=""
      RADIUS_MISSING="FreeRADIUS did not start (is port $RADIUS_PORT taken? choose another with COWORKSYNC_DEMO_RADIUS_PORT); see $RADIUS_LOG."
      warn "$RADIUS_MISSING"
      tail -n 10 "$RADIUS_LOG" >&2 || true
      return 0
    fi
    sleep 0.2
  done
  log "FreeRADIUS is ready (pid $RADIUS_PID)"
}

start_demo() {
  wait_for_app
  log "CoworkSync is up (pid $APP_PID)"
  start_demo_radius
  local radius_args=(--radius-missing "$RADIUS_MISSING")
  if [ -n "$RADIUS_PID" ]; then
    radius_args=(--radius-port "$RADIUS_PORT" --radius-secret-file "$RADIUS_DIR/secret")
  fi
  log "Starting the demo Coworks space on 127.0.0.1:$DEMO_PORT"
  setsid dotnet "$DEMO_DLL" demo --app-url "$APP_URL" --data-dir "$DATA_DIR" --port "$DEMO_PORT" "${radius_args[@]}" </dev/null &
  DEMO_PID=$!
}
