#!/usr/bin/env bash
# Builds the zip the Azure Functions host runs:
#
#   bash scripts/package.sh [OUTPUT.zip]      (default: artifacts/coworksync.zip)
#
# Layout of the zip:
#   host.json                 the repository's host.json (customHandler points at app/CoworkSync.Functions)
#   <Function>/function.json  one folder per function, copied from its source folder, flattened: the source groups
#                             functions by family (functions/Admin/Connectors/PutConnector/function.json), the
#                             host wants each at the root; a function is named after the folder holding its file
#   app/                      the handler published for linux-x64, self-contained (no .NET runtime is
#                             needed on the plan) and ReadyToRun, app/CoworkSync.Functions with its executable bit
#
# The build goes to its own folder (artifacts/package-build, via --artifacts-path), so it never
# touches the bin/ and obj/ folders that `dotnet build` and the tests use. Zips with `zip` when it
# is installed, else with python3; both keep the Unix file modes. Prints the zip's path last.
set -euo pipefail

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"
exec </dev/null

OUTPUT="${1:-$REPO_ROOT/artifacts/coworksync.zip}"
case "$OUTPUT" in
  /*) ;;
  *) OUTPUT="$REPO_ROOT/$OUTPUT" ;;
esac
PROJECT="functions/CoworkSync.Functions.csproj"
BUILD_DIR="$REPO_ROOT/artifacts/package-build"
STARTED=$SECONDS

command -v dotnet >/dev/null 2>&1 || { err "dotnet was not found on PATH. Install the .NET 10 SDK."; exit 1; }
if command -v zip >/dev/null 2>&1; then
  ZIPPER=zip
elif command -v python3 >/dev/null 2>&1; then
  ZIPPER=python3
else
  err "Neither zip nor python3 was found; install one of them (apt-get install -y zip)."
  exit 1
fi

# The executable host.json names, relative to the package root.
EXECUTABLE="$(sed -n 's/.*"defaultExecutablePath"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' host.json | head -n 1)"
case "$EXECUTABLE" in
  app/*) ;;
  *) err "host.json's customHandler.description.defaultExecutablePath is '$EXECUTABLE'; the package puts the handler in app/, so it must start with app/."; exit 1 ;;
esac

STAGING="$(mktemp -d "${TMPDIR:-/tmp}/coworksync-package.XXXXXX")"
trap 'rm -rf "$STAGING"' EXIT

# ReadyToRun: the app's and its packages' code compiled ahead, so a cold instance does not JIT it first (the
# runtime's own libraries come compiled so already). It shortens the start measured by `bench.sh compare`.
log "Publishing the handler: dotnet publish $PROJECT -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true"
dotnet publish "$PROJECT" -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true \
  --artifacts-path "$BUILD_DIR" -o "$STAGING/app" --nologo -v quiet -warnaserror

# The project also copies host.json and the function.json files next to the app (local mode reads
# the timer schedules from there). In the package they belong at the root only.
rm -f "$STAGING/app/host.json"
for dir in "$STAGING"/app/*/; do
  if [ -f "$dir/function.json" ]; then
    rm -f "$dir/function.json"
    rmdir "$dir" 2>/dev/null || true
  fi
done

cp host.json "$STAGING/host.json"
count=0
while IFS= read -r definition; do
  name="$(basename "$(dirname "$definition")")"
  if [ -e "$STAGING/$name" ]; then
    err "Two functions are named $name (the second is $definition): function folder names must be unique across families."
    exit 1
  fi
  mkdir -p "$STAGING/$name"
  cp "$definition" "$STAGING/$name/function.json"
  count=$((count + 1))
done < <(find functions -name function.json -not -path '*/bin/*' -not -path '*/obj/*' | LC_ALL=C sort)
[ "$count" -gt 0 ] || { err "No function.json was found under functions/."; exit 1; }

if [ ! -f "$STAGING/$EXECUTABLE" ]; then
  err "The publish output has no $EXECUTABLE (host.json's defaultExecutablePath)."
  exit 1
fi
chmod 755 "$STAGING/$EXECUTABLE"

mkdir -p "$(dirname "$OUTPUT")"
PARTIAL="$OUTPUT.partial"
rm -f "$PARTIAL"
log "Zipping $count functions and the handler with $ZIPPER"
if [ "$ZIPPER" = zip ]; then
  (cd "$STAGING" && zip -q -r -X "$PARTIAL" .)
else
  # ZipInfo.from_file stores st_mode in the upper 16 bits of external_attr (create_system 3 = Unix).
  python3 - "$STAGING" "$PARTIAL" <<'PY'
import os, sys, zipfile
root, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            info = zipfile.ZipInfo.from_file(path, os.path.relpath(path, root))
            info.create_system = 3
            info.external_attr = (os.stat(path).st_mode & 0xFFFF) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(path, "rb") as source:
                archive.writestr(info, source.read())
PY
fi
mv -f "$PARTIAL" "$OUTPUT"

size="$(du -h "$OUTPUT" | cut -f1)"
log "Built $OUTPUT ($size, $count functions) in $((SECONDS - STARTED)) s"
printf '%s\n' "$OUTPUT"
