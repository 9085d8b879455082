"""gunicorn settings for production (Dockerfile, docker-compose, `make faults`).

On SIGTERM (a deploy, a scale-in) gunicorn would close its listening socket at once, and
every connection the kernel had already accepted but no worker had taken yet would be
reset without an answer. Instead the master first drains: it marks this server as not
ready (/readyz answers 503 "draining", so a load balancer stops sending new requests),
lets the workers go on answering for GUNICORN_DRAIN_SECONDS, and only then stops as
gunicorn always does (workers finish the requests in hand within graceful_timeout).
SIGINT and SIGQUIT still stop at once.
"""

import os
import tempfile
import time
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")

DRAIN_SECONDS = float(os.environ.get("GUNICORN_DRAIN_SECONDS", "5"))
# The flag the workers' readiness looks at (config.health); set before the workers fork,
# so that they inherit the path.
os.environ.setdefault(
    "GCM_DRAIN_FLAG", str(Path(tempfile.gettempdir()) / f"gcm-draining-{os.getpid()}")
)


def on_starting(server):
    Path(os.environ["GCM_DRAIN_FLAG"]).unlink(missing_ok=True)


def when_ready(server):
    def handle_term():
        flag = Path(os.environ["GCM_DRAIN_FLAG"])
        flag.touch()
        server.log.info("SIGTERM: draining for %.0f s before stopping", DRAIN_SECONDS)
        time.sleep(DRAIN_SECONDS)  # the workers go on accepting and answering meanwhile
        raise StopIteration  # gunicorn's own graceful stop

    server.handle_term = handle_term


def on_exit(server):
    Path(os.environ["GCM_DRAIN_FLAG"]).unlink(missing_ok=True)
