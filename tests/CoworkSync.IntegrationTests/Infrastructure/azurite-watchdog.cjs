// Preloaded into the Azurite node process started by AzuriteInstance (node --require).
// The test host keeps Azurite's stdin pipe open; when the test host dies without stopping Azurite
// (crash, kill, Ctrl-C), the pipe closes and this ends Azurite, so no orphan keeps running.
// unref(): the open pipe must not keep node alive after Azurite's own SIGTERM shutdown.
"use strict";
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
process.stdin.unref();
