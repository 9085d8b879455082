"""Helpers shared by tests (fixtures live in conftest.py)."""


def use_broker(app, **conf) -> None:
    """Point the Celery app at another broker, dropping connections made to the old one
    (Celery keeps a connection pool per app, created on first use)."""
    app.conf.update(**conf)
    # Dropped, not closed: kombu's global registry may hand the same pool out again.
    app._pool = None
    app.amqp._producer_pool = None
