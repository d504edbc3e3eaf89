#!/usr/bin/env bash
# Runs FreeRADIUS ("$@") for FreeRadiusServer, like azurite-watchdog.cjs does for Azurite: the test
# host keeps this script's stdin pipe open; when the test host dies without stopping the server
# (crash, kill, Ctrl-C), the pipe closes and this ends the server, so no orphan keeps running.
# Exits with the server's exit code.
exec 3<&0 </dev/null
"$@" 3<&- &
server=$!
cat <&3 >/dev/null 2>&1 3<&- &
watcher=$!
exec 3<&-
wait -n "$server" "$watcher"
kill "$server" "$watcher" 2>/dev/null
wait "$server"
