#!/usr/bin/env bash
# Benchmarks: prints figures, asserts nothing (these machines are shared and noisy; compare runs on one machine).
#
#   bash scripts/bench.sh              micro benchmarks (BenchmarkDotNet, short job, in process) and the RADIUS load run
#   bash scripts/bench.sh micro [BenchmarkDotNet arguments]     e.g. micro --filter '*Radius*'
#   bash scripts/bench.sh radius-load [--members N] [--requests N] [--concurrency N]
#
# Micro benchmarks run in process (--inProcess): BenchmarkDotNet's default toolchain would generate and restore a
# project of its own, which takes minutes here and can resolve other package versions than the solution's.
# The load run starts its own Azurite (from node_modules) and CoworkSync on a free loopback port, and stops both.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

check_prerequisites || exit 1
ensure_node_tools

log "Building: dotnet build tests/CoworkSync.Benchmarks -c Release"
dotnet build tests/CoworkSync.Benchmarks -c Release --nologo </dev/null >/dev/null
BIN="$REPO_ROOT/tests/CoworkSync.Benchmarks/bin/Release/net10.0"
ARTIFACTS="$DATA_DIR/benchmarks"

mode="${1:-all}"
[ $# -gt 0 ] && shift
case "$mode" in
  micro) (cd "$BIN" && dotnet CoworkSync.Benchmarks.dll --inProcess --artifacts "$ARTIFACTS" "${@:---filter=*}") ;;
  radius-load) (cd "$BIN" && dotnet CoworkSync.Benchmarks.dll radius-load "$@") ;;
  all)
    (cd "$BIN" && dotnet CoworkSync.Benchmarks.dll --filter '*' --job short --inProcess --artifacts "$ARTIFACTS")
    (cd "$BIN" && dotnet CoworkSync.Benchmarks.dll radius-load)
    ;;
  *) err "Unknown mode '$mode': use micro, radius-load, or nothing for both."; exit 2 ;;
esac
