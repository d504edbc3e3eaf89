#!/usr/bin/env bash
# Benchmarks: prints figures, asserts nothing (these machines are shared and noisy; compare runs on one machine).
#
#   bash scripts/bench.sh              micro benchmarks (BenchmarkDotNet, short job, in process) and the RADIUS load run
#   bash scripts/bench.sh micro [BenchmarkDotNet arguments]     e.g. micro --filter '*Radius*'
#   bash scripts/bench.sh radius-load [--members N] [--requests N] [--concurrency N]
#   bash scripts/bench.sh compare [--quick] [--azurite-on-disk]
#
# Micro benchmarks run in process (--inProcess): BenchmarkDotNet's default toolchain would generate and restore a
# project of its own, which takes minutes here and can resolve other package versions than the solution's.
# The load run starts its own Azurite (from node_modules) and CoworkSync on a free loopback port, and stops both.
#
# compare measures CoworkSync from outside beside its ceilings, interleaved, and prints one table (docs/benchmarks.md):
# it installs what it needs when missing (nginx-light, wrk, FreeRADIUS with rlm_rest and radclient, gnuplot-nox),
# builds the solution, packages the app (scripts/package.sh) and publishes the empty reference app the same way, then
# runs tests/CoworkSync.Compare. Its work folder is .data/benchmarks/compare (logs of every process it started; the
# table in compare.md); the plot goes to docs/benchmarks-authorize.png. Full run about 25 minutes here, --quick about 8.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

# Debian installs freeradius and nginx in /usr/sbin, which is not on a normal user's PATH.
case ":$PATH:" in *:/usr/sbin:*) ;; *) export PATH="$PATH:/usr/sbin" ;; esac

check_prerequisites || exit 1
ensure_node_tools

BIN="$REPO_ROOT/tests/CoworkSync.Benchmarks/bin/Release/net10.0"
ARTIFACTS="$DATA_DIR/benchmarks"

# The tools compare drives, each installed only when missing.
install_compare_tools() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v freeradius >/dev/null 2>&1 || missing+=(freeradius)
  command -v radclient >/dev/null 2>&1 || missing+=(freeradius-utils)
  [ -f /usr/lib/freeradius/rlm_rest.so ] || missing+=(freeradius-rest)
  command -v gnuplot >/dev/null 2>&1 || missing+=(gnuplot-nox)
  command -v unzip >/dev/null 2>&1 || command -v python3 >/dev/null 2>&1 || missing+=(unzip)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "nginx, wrk, FreeRADIUS (rlm_rest, radclient) and gnuplot are installed"
    return 0
  fi
  apt_install "${missing[@]}"
}

COMPARE_WORK="$ARTIFACTS/compare"

# The harness stops what it started; this is for a harness that was killed outright (its pids, one a line).
cleanup_compare() {
  if [ -f "$COMPARE_WORK/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$COMPARE_WORK/pids"
  fi
}

run_compare() {
  local package_zip="$ARTIFACTS/coworksync.zip" package="$ARTIFACTS/package" empty="$ARTIFACTS/empty-app"
  install_compare_tools || { err "Installing the tools compare needs failed."; exit 1; }
  log "Building: dotnet build CoworkSync.sln -c Release"
  dotnet build CoworkSync.sln -c Release --nologo -v quiet </dev/null >/dev/null
  log "Packaging the app as deployed: scripts/package.sh"
  bash scripts/package.sh "$package_zip" >/dev/null
  rm -rf "$package" && mkdir -p "$package"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$package_zip" -d "$package"
  else
    python3 - "$package_zip" "$package" <<'PY'
import os, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as archive:
    for info in archive.infolist():
        path = archive.extract(info, sys.argv[2])
        mode = info.external_attr >> 16
        if mode:
            os.chmod(path, mode & 0o7777)
PY
  fi
  log "Publishing the empty reference app the same way (Release, linux-x64, self-contained)"
  rm -rf "$empty"
  dotnet publish tests/CoworkSync.EmptyApp -c Release -r linux-x64 --self-contained \
    --artifacts-path "$ARTIFACTS/empty-app-build" -o "$empty" --nologo -v quiet </dev/null >/dev/null
  trap cleanup_compare EXIT
  dotnet tests/CoworkSync.Compare/bin/Release/net10.0/CoworkSync.Compare.dll \
    --repo "$REPO_ROOT" --work "$COMPARE_WORK" --package "$package" --empty-app "$empty" \
    --plot "$REPO_ROOT/docs/benchmarks-authorize.png" "$@"
}

mode="${1:-all}"
[ $# -gt 0 ] && shift
case "$mode" in
  micro | radius-load | all)
    log "Building: dotnet build tests/CoworkSync.Benchmarks -c Release"
    dotnet build tests/CoworkSync.Benchmarks -c Release --nologo </dev/null >/dev/null
    ;;
esac
case "$mode" in
  micro) (cd "$BIN" && dotnet CoworkSync.Benchmarks.dll --inProcess --artifacts "$ARTIFACTS" "${@:---filter=*}") ;;
  radius-load) (cd "$BIN" && dotnet CoworkSync.Benchmarks.dll radius-load "$@") ;;
  compare) run_compare "$@" ;;
  all)
    (cd "$BIN" && dotnet CoworkSync.Benchmarks.dll --filter '*' --job short --inProcess --artifacts "$ARTIFACTS")
    (cd "$BIN" && dotnet CoworkSync.Benchmarks.dll radius-load)
    ;;
  *) err "Unknown mode '$mode': use micro, radius-load, compare, or nothing for micro and radius-load."; exit 2 ;;
esac
