"""The stack under test, all on loopback and all started (and stopped) by the harness:
a Redis of its own on a free port (broker and cache), a PostgreSQL database of its own
(gcm_faults, recreated) reached through a TCP proxy that can cut it, an SMTP sink,
gunicorn, a Celery worker and Celery beat. Files go to a temporary folder.

Every child runs in a process group of its own and is stopped by its own PID: SIGTERM to
the group, then SIGKILL if it is still there; nothing is ever looked up by name."""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from faults.aio import BackgroundLoop
from faults.proxy import TcpProxy
from faults.smtp import SmtpSink

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DATABASE_URL = os.environ.get(
    "FAULTS_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/gcm_faults"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, *, timeout: float, process=None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def stop_group(process: subprocess.Popen, *, sig=signal.SIGTERM, timeout: float = 30) -> None:
    """Stop a child started with start_new_session=True: its group id is its PID."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    # Pool children of a killed Celery worker may outlive their parent for a moment.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


class Stack:
    def __init__(self, *, inputs: int, users: int) -> None:
        self.inputs, self.users = inputs, users
        self.folder = Path(tempfile.mkdtemp(prefix="gcm-faults-"))
        self.loop = BackgroundLoop()
        self.processes: dict[str, subprocess.Popen] = {}
        self.redis: subprocess.Popen | None = None
        self.redis_port = free_port()
        self.web_port = free_port()
        self.proxy: TcpProxy | None = None
        self.sink = SmtpSink()
        self.data: dict = {}
        self.readonly_flag = self.folder / "private-readonly"

    # --- lifecycle ----------------------------------------------------------------------
    def __enter__(self) -> "Stack":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        (self.folder / "static").mkdir()
        self.loop.start()
        base, _name = DATABASE_URL.rsplit("/", 1)
        host, port = base.rsplit("@", 1)[-1].split(":")
        self.proxy = TcpProxy(target_host=host, target_port=int(port))
        self.loop.call(self.proxy.start())
        self.loop.call(self.sink.start())
        self.broker_start()
        self._recreate_database()
        self.data = self.django("setup", str(self.inputs), str(self.users), timeout=600)
        for name in ("web", "worker", "beat"):
            self.start_process(name)
        wait_for_port(self.web_port, timeout=90, process=self.processes["web"])

    def stop(self) -> None:
        for name in list(self.processes):
            self.stop_process(name)
        self.broker_stop()
        if self.proxy is not None and self.loop.loop.is_running():
            self.loop.call(self.proxy.stop())
            self.loop.call(self.sink.stop())
        self.loop.stop()
        if os.environ.get("FAULTS_KEEP") != "1":
            shutil.rmtree(self.folder, ignore_errors=True)

    # --- configuration ------------------------------------------------------------------
    @property
    def app_database_url(self) -> str:
        base, name = DATABASE_URL.rsplit("/", 1)
        credentials = base.rsplit("@", 1)[0] + "@" if "@" in base else "postgresql://"
        return f"{credentials}127.0.0.1:{self.proxy.port}/{name}"

    def env(self) -> dict:
        broker = f"redis://127.0.0.1:{self.redis_port}"
        return {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "faults.settings",
            "DATABASE_URL": self.app_database_url,
            "CELERY_BROKER_URL": f"{broker}/0",
            "CACHE_URL": f"{broker}/1",
            "EMAIL_URL": f"smtp://127.0.0.1:{self.sink.port}",
            "SITE_URL": f"http://127.0.0.1:{self.web_port}",
            "MEDIA_ROOT": str(self.folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.folder / "private"),
            "STATIC_ROOT": str(self.folder / "static"),
            "FAULTS_READONLY_FLAG": str(self.readonly_flag),
            # Private files on local disk, where the read-only switch can reach them.
            "S3_BUCKET": "",
            "DJANGO_LOG_LEVEL": os.environ.get("DJANGO_LOG_LEVEL", "WARNING"),
            # Short thresholds where the app reads them (the render heartbeat and watchdog).
            "OUTBOX_RELAY_SECONDS": os.environ.get("OUTBOX_RELAY_SECONDS", "2"),
            "REPORT_HEARTBEAT_SECONDS": os.environ.get("REPORT_HEARTBEAT_SECONDS", "10"),
            "REPORT_STALE_AFTER_SECONDS": os.environ.get("REPORT_STALE_AFTER_SECONDS", "60"),
        }

    def commands(self) -> dict[str, list[str]]:
        return {
            "web": [
                str(BIN / "gunicorn"),
                "config.wsgi:application",
                # Production's own settings, with the drain on SIGTERM; the flags below win.
                "--config",
                "config/gunicorn.py",
                "--bind",
                f"127.0.0.1:{self.web_port}",
                "--workers",
                os.environ.get("FAULTS_GUNICORN_WORKERS", "2"),
                "--timeout",
                "30",
                "--graceful-timeout",
                "20",
                # gunicorn's control socket defaults to one path in $HOME for everyone.
                "--no-control-socket",
            ],
            "worker": [
                str(BIN / "celery"),
                "-A",
                "config",
                "worker",
                "--concurrency",
                "2",
                "--hostname",
                "faults@127.0.0.1",
                "--loglevel",
                "WARNING",
            ],
            "beat": [
                str(BIN / "celery"),
                "-A",
                "config",
                "beat",
                "--schedule",
                str(self.folder / "beat-schedule"),
                "--pidfile",
                str(self.folder / "beat.pid"),
                "--loglevel",
                "WARNING",
            ],
        }

    # --- processes ----------------------------------------------------------------------
    def start_process(self, name: str) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it
        process = subprocess.Popen(  # noqa: S603 - our own virtualenv's programs
            self.commands()[name],
            cwd=ROOT,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self.processes[name] = process
        return process

    def stop_process(self, name: str, *, sig=signal.SIGTERM, timeout: float = 30) -> None:
        process = self.processes.pop(name, None)
        if process is not None:
            stop_group(process, sig=sig, timeout=timeout)

    def kill(self, name: str) -> None:
        """SIGKILL a process and all its children, as an OOM kill or a lost machine would."""
        self.stop_process(name, sig=signal.SIGKILL, timeout=10)

    def restart(self, name: str) -> None:
        self.stop_process(name)
        self.start_process(name)
        if name == "web":
            wait_for_port(self.web_port, timeout=90, process=self.processes["web"])

    def ensure(self, name: str) -> None:
        process = self.processes.get(name)
        if process is None or process.poll() is not None:
            self.restart(name)

    def log_tail(self, name: str, lines: int = 30) -> str:
        path = self.folder / f"{name}.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    # --- the broker (a Redis of our own) ------------------------------------------------
    def broker_start(self) -> None:
        self.redis = subprocess.Popen(  # noqa: S603 - the Debian package's server
            [
                shutil.which("redis-server") or "/usr/bin/redis-server",
                "--port",
                str(self.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            address = ("127.0.0.1", self.redis_port)
            with contextlib.suppress(OSError), socket.create_connection(address, timeout=1) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    return
            if self.redis.poll() is not None:
                break
            time.sleep(0.1)
        raise RuntimeError(f"redis-server did not answer on port {self.redis_port}")

    def broker_stop(self) -> None:
        """Stop the broker. It keeps nothing on disk, as the machine's Redis: what was
        queued is gone, and recovery must come from the database."""
        if self.redis is not None:
            stop_group(self.redis, timeout=10)
            self.redis = None

    # --- the database -------------------------------------------------------------------
    def _recreate_database(self) -> None:
        import psycopg

        base, name = DATABASE_URL.rsplit("/", 1)
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')

    def database_cut(self) -> None:
        self.loop.call(self.proxy.cut())

    def database_restore(self) -> None:
        self.loop.call(self.proxy.restore())

    def query(self, sql: str, params=()) -> list[tuple]:
        """Read the database directly (not through the proxy), as an observer."""
        import psycopg

        with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
            return conn.execute(sql, params).fetchall()

    # --- the app's own code in a child process ------------------------------------------
    def django(self, *args: str, timeout: float = 120) -> dict:
        result = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "faults.data", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"faults.data {args[0]} failed:\n{result.stderr[-3000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])

    # --- the site -----------------------------------------------------------------------
    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.web_port}{path}"

    def people(self, start: int, count: int) -> list[dict]:
        people = self.data["users"][start : start + count]
        if len(people) < count:
            raise RuntimeError(f"setup made {len(self.data['users'])} users; {start + count} asked")
        return people
