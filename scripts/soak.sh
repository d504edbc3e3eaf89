#!/usr/bin/env bash
# The soak: CoworkSync in local mode (its own Azurite, the Coworks simulator) under a bounded mix of signed and forged
# webhooks, a sync a minute, RADIUS authorizations and accounting, all on loopback, for the given minutes (30 by
# default). Every minute it prints the ledger (accepted = applied + dead-lettered + pending, applied twice), the error
# counts and the app's resident memory; at the end it waits for the queue to drain and checks the books.
#
#   bash scripts/soak.sh [--minutes N]
#
# Writes .data/soak/soak.log (the lines printed), soak.csv and soak-memory.png (gnuplot, when installed). The test
# command runs the same soak for 2 minutes (SoakTests). Exits non-zero when the books do not balance or a request got
# a 5xx. COWORKSYNC_SKIP_BUILD=1 uses the last Release build.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
exec </dev/null

MINUTES=30
while [ "$#" -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="${2:-}"; shift 2 ;;
    --minutes=*) MINUTES="${1#*=}"; shift ;;
    -h | --help) sed -n '2,12p' "$0"; exit 0 ;;
    *) err "Unknown argument: $1 (usage: bash scripts/soak.sh [--minutes N])"; exit 2 ;;
  esac
done
case "$MINUTES" in
  '' | *[!0-9]*) err "--minutes takes a whole number of minutes, not '$MINUTES'"; exit 2 ;;
esac
[ "$MINUTES" -ge 1 ] && [ "$MINUTES" -le 720 ] || { err "--minutes must be between 1 and 720"; exit 2; }

check_prerequisites || exit 1
ensure_node_tools || exit 1
if [ "${COWORKSYNC_SKIP_BUILD:-0}" != "1" ]; then
  log "Building: dotnet build CoworkSync.sln -c Release -warnaserror"
  dotnet build CoworkSync.sln -c Release -warnaserror --nologo -v q
fi

OUT="$DATA_DIR/soak"
mkdir -p "$OUT"
rm -f "$OUT/soak.log" "$OUT/soak.csv" "$OUT/soak-memory.png"
touch "$OUT/soak.log"
log "Soaking for $MINUTES minute(s); the figures follow each minute (and go to $OUT/soak.log)"

COWORKSYNC_SOAK_MINUTES="$MINUTES" COWORKSYNC_SOAK_OUTPUT="$OUT" \
  dotnet test tests/CoworkSync.IntegrationTests/CoworkSync.IntegrationTests.csproj --no-build -c Release --nologo \
  --filter "FullyQualifiedName~Reliability.Soak.SoakTests" >"$OUT/dotnet-test.log" 2>&1 &
TEST_PID=$!
tail -n +1 -f "$OUT/soak.log" &
TAIL_PID=$!
set +e
wait "$TEST_PID"
rc=$?
set -e
sleep 1
kill "$TAIL_PID" 2>/dev/null || true
wait "$TAIL_PID" 2>/dev/null || true

if [ "$rc" -ne 0 ]; then
  err "The soak failed (exit code $rc); the test's output is in $OUT/dotnet-test.log:"
  grep -E 'Error Message|do not balance|5xx|Assert' -A3 "$OUT/dotnet-test.log" | head -40 >&2 || true
  exit "$rc"
fi
log "The soak passed: the books balance and no request got a 5xx. Figures: $OUT/soak.csv, plot: $OUT/soak-memory.png"
