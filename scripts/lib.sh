# shellcheck shell=bash
# Helpers shared by scripts/start.sh, scripts/test.sh and scripts/bench.sh. Source it; do not run it.

# The repository root: the parent of the folder this file lives in.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The local data folder (git-ignored); COWORKSYNC_DATA_DIR moves it (the demo test runs start.sh in a temp folder).
DATA_DIR="$(mkdir -p "${COWORKSYNC_DATA_DIR:-$REPO_ROOT/.data}" && cd "${COWORKSYNC_DATA_DIR:-$REPO_ROOT/.data}" && pwd)"
LOCK_STAMP="$REPO_ROOT/node_modules/.coworksync-package-lock.sha256"

# The minimum node major version Azurite 3.35 is known to run on here.
MIN_NODE_MAJOR=20

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
err() { printf 'error: %s\n' "$*" >&2; }

# Checks that dotnet and node (with npm) are on PATH. Returns 1 with a message otherwise.
check_prerequisites() {
  local missing=0
  if ! command -v dotnet >/dev/null 2>&1; then
    err "dotnet was not found on PATH. Install the .NET 10 SDK: https://dotnet.microsoft.com/download/dotnet/10.0"
    missing=1
  fi
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    err "node/npm were not found on PATH. Install Node.js ${MIN_NODE_MAJOR} or later (it runs Azurite, the local storage emulator): https://nodejs.org/"
    missing=1
  else
    local major
    major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
    if [ "$major" -lt "$MIN_NODE_MAJOR" ]; then
      err "node $(node --version) is too old; Node.js ${MIN_NODE_MAJOR} or later is required."
      missing=1
    fi
  fi
  return "$missing"
}

# Installs the pinned npm tools (Azurite) with `npm ci`, but only when node_modules/azurite is
# missing or package-lock.json changed since the last successful install (a hash stamp in
# node_modules records it), so a second run costs nothing.
ensure_node_tools() {
  local want have=""
  want="$(sha256sum "$REPO_ROOT/package-lock.json" | cut -d' ' -f1)"
  [ -f "$LOCK_STAMP" ] && have="$(cat "$LOCK_STAMP")"
  if [ -f "$REPO_ROOT/node_modules/azurite/dist/src/azurite.js" ] && [ "$want" = "$have" ]; then
    log "npm tools are up to date (node_modules matches package-lock.json)"
    return 0
  fi
  log "Installing npm tools: npm ci --no-audit --no-fund"
  (cd "$REPO_ROOT" && npm ci --no-audit --no-fund </dev/null) || { err "npm ci failed"; return 1; }
  printf '%s\n' "$want" >"$LOCK_STAMP"
}

# True when something accepts TCP connections on 127.0.0.1:$1 (1 s timeout).
port_open() {
  timeout 1 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" >/dev/null 2>&1
}

# True when nothing holds UDP port $1 on 127.0.0.1 (a socket on any address, 0.0.0.0 included, holds it).
udp_port_free() {
  node -e '
    const socket = require("dgram").createSocket("udp4");
    socket.once("error", () => process.exit(1));
    socket.bind(+process.argv[1], "127.0.0.1", () => socket.close(() => process.exit(0)));
  ' "$1" 2>/dev/null
}

# Prints the HTTP Server header returned by http://127.0.0.1:$1/ (empty if none or no answer).
http_server_header() {
  node -e '
    const req = require("http").get({ host: "127.0.0.1", port: +process.argv[1], path: "/", timeout: 2000 }, res => {
      process.stdout.write(String(res.headers["server"] || "")); res.resume(); process.exit(0);
    });
    req.on("timeout", () => { req.destroy(); process.exit(0); });
    req.on("error", () => process.exit(0));
  ' "$1" 2>/dev/null || true
}

# Sends SIGTERM to $1, waits up to $2 seconds for it to exit, then sends SIGKILL. Reaps it when it
# is a child of this shell. Does nothing if the process is already gone.
stop_process() {
  local pid="$1" grace="$2" name="$3" i
  [ -n "$pid" ] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < grace * 10; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name (pid $pid) still running ${grace} s after SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}

APT_UPDATED=0

# Runs "$@" as root: directly when root, through sudo (non-interactive) when present. Returns 1 otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    return 1
  fi
}

# Installs Debian packages with apt-get, running `apt-get update` at most once per run.
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    err "apt-get was not found: install the Debian/Ubuntu package(s) $* (or their equivalent) by hand."
    return 1
  fi
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    err "Installing $* needs root: run 'apt-get update && apt-get install -y $*' as root, or install sudo."
    return 1
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || {
      err "apt-get update failed (as root or with sudo -n: a sudo that asks for a password cannot run here)."
      return 1
    }
    APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" || {
    err "apt-get install $* failed (as root or with sudo -n: a sudo that asks for a password cannot run here)."
    return 1
  }
}
