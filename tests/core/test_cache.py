import time

import pytest

from core import cache as fail_open
from core.cache import FailOpenRedisCache, cache_config

CLOSED_PORT = "redis://127.0.0.1:1/0"


def redis_cache(url: str) -> FailOpenRedisCache:
    config = cache_config(url)
    return FailOpenRedisCache(config["LOCATION"], {"OPTIONS": config["OPTIONS"]})


def test_cache_config_gives_redis_the_fail_open_backend_with_short_timeouts():
    assert cache_config("redis://redis.example:6379/1") == {
        "BACKEND": "core.cache.FailOpenRedisCache",
        "LOCATION": "redis://redis.example:6379/1",
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    assert cache_config("redis://r:6379/1?socket_timeout=2")["OPTIONS"]["socket_timeout"] == 2
    assert cache_config("locmemcache://")["BACKEND"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_fail_open_cache_answers_misses_while_redis_is_down(monkeypatch):
    # The module's logger itself, not caplog: a Celery worker started by an earlier test
    # may have disabled existing loggers, which would hide the records from caplog.
    warnings = []
    monkeypatch.setattr(fail_open.logger, "warning", lambda *a, **k: warnings.append(a))
    cache = redis_cache(CLOSED_PORT)

    assert cache.get("k", "fallback") == "fallback"
    assert cache.set("k", 1) is None
    assert cache.add("lock", True) is True
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.has_key("k") is False
    assert cache.delete("k") is False
    assert cache.get_or_set("k", "built") == "built"
    with pytest.raises(ValueError, match="not found"):
        cache.incr("k")
    assert cache.clear() is False
    assert len(warnings) == 1  # one connection attempt, then the pause answers


def test_fail_open_cache_leaves_redis_alone_for_a_moment_after_an_error(monkeypatch):
    cache = redis_cache(CLOSED_PORT)
    cache.get("k")
    attempts = []
    monkeypatch.setattr(cache._cache, "get", lambda *a, **k: attempts.append(a))

    cache.get("k")
    later = time.monotonic() + fail_open.PAUSE_AFTER_ERROR_S + 1
    monkeypatch.setattr(fail_open.time, "monotonic", lambda: later)
    cache.get("k")

    assert len(attempts) == 1


@pytest.mark.redis
def test_fail_open_cache_is_a_plain_cache_while_redis_is_up(broker_url):
    cache = redis_cache(broker_url)  # the tests' own Redis database
    cache.delete("core-cache-test")

    assert cache.add("core-cache-test", "first") is True
    assert cache.add("core-cache-test", "second") is False
    assert cache.get("core-cache-test") == "first"
    cache.delete("core-cache-test")
