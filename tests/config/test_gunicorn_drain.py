"""gunicorn's SIGTERM drains before it stops (config/gunicorn.py): readiness turns 503 at
once, requests keep being answered for the drain period, then the server stops."""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.config.test_settings import ROOT, SETTINGS_ENV


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    return response.status, json.loads(response.read() or b"{}")


def test_sigterm_drains_then_stops(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_ENV}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        GUNICORN_DRAIN_SECONDS="2",
        GUNICORN_ACCESS_LOG="/dev/null",
        GCM_DRAIN_FLAG=str(tmp_path / "draining"),
        DJANGO_LOG_LEVEL="CRITICAL",
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(  # noqa: S603 - the project's own gunicorn and settings
        [str(gunicorn), "config.wsgi:application", "--config", "config/gunicorn.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(150):
            try:
                if _get(port, "/livez")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)
        assert _get(port, "/readyz")[0] == 200

        server.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        status, body = _get(port, "/readyz")
        answered = [_get(port, "/livez")[0] for _ in range(10)]

        assert (status, body["checks"]["server"]["error"]) == (503, "draining")
        assert answered == [200] * 10  # still serving while draining
        assert server.poll() is None
        assert server.wait(timeout=15) == 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
