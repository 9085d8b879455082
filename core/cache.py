"""A Redis cache that fails open.

The cache holds what can be rebuilt or forgotten: sign-in rate limits (allauth), built
calendar files, open-data files, the versions of pages kept by each process
(ProcessCopies). When Redis is down the site must keep working, so every
cache error is logged and answered as a miss: a read finds nothing, a write is dropped
(add() says it stored, so a lock taken through the cache is granted), and sign-in rate
limits count nothing until Redis is back (they degrade; sign-in does not answer 500).
After an error Redis is left alone for a few seconds, so that an outage costs a request
at most one connection attempt, not one per cache call.
"""

import functools
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import environ
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Each connection attempt or command gives up after this long.
SOCKET_TIMEOUT_S = 0.5
# After an error, calls are answered as misses without trying Redis for this long.
PAUSE_AFTER_ERROR_S = 5.0


def cache_config(url: str) -> dict:
    """CACHES["default"] for CACHE_URL: a Redis URL gets the fail-open backend and short
    socket timeouts (the URL's own options win); anything else is left as it is."""
    config = environ.Env.cache_url_config(url)
    if config["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        config["BACKEND"] = "core.cache.FailOpenRedisCache"
        config["OPTIONS"] = {
            "socket_connect_timeout": SOCKET_TIMEOUT_S,
            "socket_timeout": SOCKET_TIMEOUT_S,
            **config.get("OPTIONS", {}),
        }
    return config


class CacheUnavailable(Exception):
    """Redis was left alone after a recent error."""


def _fail_open(on_error):
    """Run the cache call; on a Redis error (or during the pause after one) log it and
    return what a miss returns: on_error(*args, **kwargs)."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                if time.monotonic() < self._paused_until:
                    raise CacheUnavailable
                return method(self, *args, **kwargs)
            except (RedisError, CacheUnavailable) as exc:
                self._failed(exc)
                return on_error(*args, **kwargs)

        return wrapper

    return decorate


def _get_default(key, default=None, *args, **kwargs):
    return default


def _not_found(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (the cache is unavailable)")


def _keys(data, *args, **kwargs):
    return list(data)


class FailOpenRedisCache(RedisCache):
    """Django's RedisCache, with every error answered as a miss (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._paused_until = 0.0

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, CacheUnavailable):
            return
        self._paused_until = time.monotonic() + PAUSE_AFTER_ERROR_S
        logger.warning(
            "Cache unavailable (%s: %s); answering misses for %.0f s",
            type(exc).__name__,
            exc,
            PAUSE_AFTER_ERROR_S,
        )

    get = _fail_open(_get_default)(RedisCache.get)
    set = _fail_open(lambda *a, **k: None)(RedisCache.set)
    # "Stored": a lock taken with add() (allauth's rate limits take one) is granted, not
    # refused, or every sign-in would wait for the lock and be refused as rate-limited.
    add = _fail_open(lambda *a, **k: True)(RedisCache.add)
    touch = _fail_open(lambda *a, **k: False)(RedisCache.touch)
    delete = _fail_open(lambda *a, **k: False)(RedisCache.delete)
    has_key = _fail_open(lambda *a, **k: False)(RedisCache.has_key)
    get_many = _fail_open(lambda *a, **k: {})(RedisCache.get_many)
    set_many = _fail_open(_keys)(RedisCache.set_many)
    delete_many = _fail_open(lambda *a, **k: None)(RedisCache.delete_many)
    incr = _fail_open(_not_found)(RedisCache.incr)
    clear = _fail_open(lambda *a, **k: False)(RedisCache.clear)


class ProcessCopies:
    """Objects read far more often than they change (a session's page, say), kept as a
    copy in each web process, with the shared cache saying which version is current.

    A read asks the shared cache one small question (the current version of `name`)
    and answers from the process's own copy of that version, without unpickling
    anything; only a process that has no copy of the current version loads it. forget()
    gives the names a new version once the current transaction commits, so every process
    loads them again on its next read. A copy loaded while a change was committing is
    never kept under the new version: it is kept under the version read before loading,
    or (when there was none) only if this process is the one that created the version.
    The version also names fragments of a page cached beside the object (`{% cache %}`
    keyed on it).

    When the shared cache is down, every read loads (the site works as without a cache).
    The copies are shared by the threads of a process: treat them as read-only.
    """

    def __init__(self, prefix: str, *, timeout: int = 60, size: int = 256):
        self.prefix = prefix
        self.timeout = timeout
        self.size = size
        self._copies: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def _key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def get(self, name: str, load: Callable[[], Any]) -> tuple[str, Any]:
        """(version, object) for `name`; `load()` reads it when this process has no
        copy of the current version (and may return None: nothing is kept then)."""
        from django.core.cache import cache

        key = self._key(name)
        version = cache.get(key)
        if version is not None:
            with self._lock:
                found = self._copies.get((name, version))
                if found is not None:
                    self._copies.move_to_end((name, version))
                    return version, found
        loaded = load()
        if version is None:
            version = uuid.uuid4().hex
            if not cache.add(key, version, self.timeout):
                # Another process created a version meanwhile (or forget() ran): this
                # copy may be older than it, so it is used for this request only.
                return uuid.uuid4().hex, loaded
        if loaded is not None:
            with self._lock:
                self._copies[(name, version)] = loaded
                while len(self._copies) > self.size:
                    self._copies.popitem(last=False)
        return version, loaded

    def forget(self, *names: str) -> None:
        """Give these names a new version once the current transaction commits (before
        that, another request would read the old rows and keep them again)."""
        from django.core.cache import cache
        from django.db import transaction

        versions = {self._key(name): uuid.uuid4().hex for name in names if name}
        if versions:
            transaction.on_commit(lambda: cache.set_many(versions, self.timeout))
