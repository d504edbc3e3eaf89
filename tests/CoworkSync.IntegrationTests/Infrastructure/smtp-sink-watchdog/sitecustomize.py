# Loaded by the aiosmtpd process SmtpSink starts (its PYTHONPATH points here), like azurite-watchdog.cjs.
# The test host keeps the process's stdin pipe open; when the test host dies without stopping the sink
# (crash, kill, Ctrl-C), the pipe closes and this ends the process, so no orphan keeps running.
# It shadows Debian's own sitecustomize, which only installs apport's crash hook.
import os
import sys
import threading


def _exit_when_stdin_closes():
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)


threading.Thread(target=_exit_when_stdin_closes, name="smtp-sink-watchdog", daemon=True).start()
