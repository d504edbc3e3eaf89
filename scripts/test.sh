#!/usr/bin/env bash
# Command two: sets up everything a fresh machine needs and runs every test.
#
#   bash scripts/test.sh
#
# Steps: checks dotnet and node; installs system dependencies (python3-aiosmtpd; FreeRADIUS with rlm_rest,
# radclient and eapol_test; Debian's chromium for the browser tests; zip when neither zip nor
# python3 is there); installs the pinned npm tools (the integration and browser tests start their
# own Azurite from node_modules/azurite); builds the solution (Release, warnings are errors); runs
# the unit, integration and browser tests (all of them, even if one fails) with TRX results in
# .data/test-results. The last line printed is always exactly
# "N passed, N failed". Exits non-zero if a test failed or a step/run failed.
# Non-interactive: safe under CI=true with no stdin.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
exec </dev/null

RESULTS_DIR="$DATA_DIR/test-results"
# name|project: the TRX file is $RESULTS_DIR/<name>.trx
TEST_RUNS=(
  "unit|tests/CoworkSync.UnitTests/CoworkSync.UnitTests.csproj"
  "integration|tests/CoworkSync.IntegrationTests/CoworkSync.IntegrationTests.csproj"
  "browser|tests/CoworkSync.BrowserTests/CoworkSync.BrowserTests.csproj"
)

TOTAL_PASSED=0
TOTAL_FAILED=0
RUN_FAILED=0

# Prints the summary as the very last line and exits: non-zero if anything failed.
finish() {
  if [ "$TOTAL_FAILED" -gt 0 ] || [ "$RUN_FAILED" -ne 0 ]; then
    printf '%s passed, %s failed\n' "$TOTAL_PASSED" "$TOTAL_FAILED"
    exit 1
  fi
  printf '%s passed, %s failed\n' "$TOTAL_PASSED" "$TOTAL_FAILED"
  exit 0
}

# A setup step failed before any test could run: count it as one failure and stop.
setup_failed() {
  err "$1"
  RUN_FAILED=1
  TOTAL_FAILED=$((TOTAL_FAILED + 1))
  finish
}

# System packages the tests need, each installed only when missing, so a second run costs nothing.
install_system_dependencies() {
  # aiosmtpd: the SMTP sink the e-mail integration tests start with Debian's /usr/bin/python3.
  if /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
    log "python3-aiosmtpd is installed"
  else
    apt_install python3-aiosmtpd || return 1
    /usr/bin/python3 -c 'import aiosmtpd' || {
      err "python3-aiosmtpd was installed but /usr/bin/python3 cannot import aiosmtpd."
      return 1
    }
  fi
  # scripts/package.sh (run by the packaging tests) zips with zip, or python3 when zip is missing.
  if ! command -v zip >/dev/null 2>&1 && ! command -v python3 >/dev/null 2>&1; then
    apt_install zip || return 1
  fi
  install_radius_dependencies || return 1
  # The browser tests drive Debian's chromium by its path (Playwright's own browser download is not used).
  if [ -x /usr/bin/chromium ]; then
    log "chromium is installed"
  else
    apt_install chromium fonts-liberation || return 1
  fi
}

# FreeRADIUS with rlm_rest, radclient and eapol_test: the RADIUS tests run a private FreeRADIUS
# (tests/CoworkSync.IntegrationTests/Infrastructure/FreeRadiusServer.cs) from infra/radius.
install_radius_dependencies() {
  local missing=()
  command -v freeradius >/dev/null 2>&1 || missing+=(freeradius)
  command -v radclient >/dev/null 2>&1 || missing+=(freeradius-utils)
  [ -f /usr/lib/freeradius/rlm_rest.so ] || missing+=(freeradius-rest)
  command -v eapol_test >/dev/null 2>&1 || missing+=(eapoltest)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "FreeRADIUS, rlm_rest, radclient and eapol_test are installed"
    return 0
  fi
  apt_install "${missing[@]}" || return 1
}

# Reads one attribute (e.g. passed) from the <Counters .../> element of a TRX file; 0 if absent.
trx_counter() {
  local file="$1" name="$2" counters value
  counters="$(tr '\n' ' ' <"$file" | grep -o '<Counters [^>]*>' | head -n 1 || true)"
  value="$(printf '%s' "$counters" | grep -o " $name=\"[0-9]*\"" | grep -o '[0-9]\+' || true)"
  printf '%s' "${value:-0}"
}

check_prerequisites || setup_failed "Prerequisites are missing (see above)."
install_system_dependencies || setup_failed "Installing system dependencies failed."
ensure_node_tools || setup_failed "Installing the npm tools failed."

log "Building: dotnet build CoworkSync.sln -c Release -warnaserror"
dotnet build CoworkSync.sln -c Release -warnaserror --nologo || setup_failed "The build failed (see above); no tests were run."

mkdir -p "$RESULTS_DIR"
rm -f "$RESULTS_DIR"/*.trx

for run in "${TEST_RUNS[@]}"; do
  name="${run%%|*}"
  project="${run#*|}"
  trx="$RESULTS_DIR/$name.trx"
  log "Running $name tests: $project"
  set +e
  dotnet test "$project" --no-build -c Release --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS_DIR"
  rc=$?
  set -e

  if [ ! -f "$trx" ]; then
    err "The $name test run (exit code $rc) produced no results file $trx; the run crashed or did not start. Counting it as 1 failed."
    RUN_FAILED=1
    TOTAL_FAILED=$((TOTAL_FAILED + 1))
    continue
  fi

  passed="$(trx_counter "$trx" passed)"
  # Tests that errored, timed out or were aborted did not pass either.
  failed=$(($(trx_counter "$trx" failed) + $(trx_counter "$trx" error) + $(trx_counter "$trx" timeout) + $(trx_counter "$trx" aborted)))
  log "$name: $passed passed, $failed failed (exit code $rc)"
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    err "The $name test run exited with code $rc although its results show no failed test; counting it as 1 failed."
    failed=1
  fi
  [ "$rc" -ne 0 ] && RUN_FAILED=1
  TOTAL_PASSED=$((TOTAL_PASSED + passed))
  TOTAL_FAILED=$((TOTAL_FAILED + failed))
done

finish
