"""The suite's own rule: a test marked postgres, redis or browser is skipped locally when
its service is missing and fails in CI (GCM_REQUIRE_SERVICES=1), whether or not it uses
a fixture that needs the service."""

from pathlib import Path

import pytest

from tests.conftest import check_service_markers

ROOT = Path(__file__).resolve().parents[1]
CI_SUFFIX = " (GCM_REQUIRE_SERVICES=1: a missing service fails the test)"


def marked(*names: str):
    """A stand-in for a collected test carrying these markers."""
    marks = {name: getattr(pytest.mark, name).mark for name in names}

    class Item:
        def get_closest_marker(self, name):
            return marks.get(name)

    return Item()


def fake_checks(missing: dict[str, str | None], asked: list[str]):
    def check(name):
        def missing_reason():
            asked.append(name)
            return missing.get(name)

        return missing_reason

    return {name: check(name) for name in ("postgres", "redis", "browser")}


@pytest.mark.parametrize(
    ("marker", "reason"),
    [
        ("postgres", "needs PostgreSQL: set DATABASE_URL=postgresql://..."),
        ("redis", "needs a Redis broker at redis://127.0.0.1:1/13"),
        ("browser", "needs Chromium at /nowhere/chromium (apt-get install chromium)"),
    ],
)
def test_service_marker_missing_service_fails_in_ci(marker, reason):
    asked = []

    with pytest.raises(pytest.fail.Exception) as caught:
        check_service_markers(
            marked(marker), checks=fake_checks({marker: reason}, asked), require=True
        )

    assert str(caught.value) == reason + CI_SUFFIX
    assert asked == [marker]


@pytest.mark.parametrize("marker", ["postgres", "redis", "browser"])
def test_service_marker_missing_service_skips_locally(marker):
    asked = []

    with pytest.raises(pytest.skip.Exception) as caught:
        check_service_markers(
            marked(marker), checks=fake_checks({marker: "service gone"}, asked), require=False
        )

    assert str(caught.value) == "service gone"
    assert asked == [marker]


def test_service_marker_available_service_lets_the_test_run():
    asked = []

    result = check_service_markers(
        marked("redis", "browser"), checks=fake_checks({}, asked), require=True
    )

    assert result is None
    assert asked == ["redis", "browser"]


def test_service_marker_unmarked_test_checks_no_service():
    asked = []

    check_service_markers(
        marked(), checks=fake_checks({"redis": "service gone"}, asked), require=True
    )

    assert asked == []


MARKED_TESTS = """
import pytest


@pytest.mark.postgres
def test_marked_postgres():
    pass


@pytest.mark.redis
def test_marked_redis():
    pass


@pytest.mark.browser
def test_marked_browser():
    pass


def test_unmarked():
    pass
"""


@pytest.mark.parametrize(
    ("require", "outcomes"),
    [
        ("1", {"passed": 1, "errors": 3}),
        (None, {"passed": 1, "skipped": 3}),
    ],
)
def test_service_markers_enforced_without_any_fixture(pytester, monkeypatch, require, outcomes):
    """The suite's conftest, run on tests that use no service fixture at all, while
    PostgreSQL, Redis and Chromium are all missing."""
    pytester.makeini("[pytest]\nmarkers =\n    postgres: p\n    redis: r\n    browser: b\n")
    pytester.makeconftest('pytest_plugins = ["tests.conftest"]')
    pytester.makepyfile(test_marked=MARKED_TESTS)
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "config.settings")
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setenv("GCM_TEST_BROKER_DB", "15")
    monkeypatch.setenv("GCM_CHROMIUM", "/nowhere/chromium")
    if require:
        monkeypatch.setenv("GCM_REQUIRE_SERVICES", require)
    else:
        monkeypatch.delenv("GCM_REQUIRE_SERVICES", raising=False)

    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "--strict-markers", "-rsE")

    result.assert_outcomes(**outcomes)
    result.stdout.fnmatch_lines_random(
        [
            "*needs PostgreSQL: set DATABASE_URL=postgresql://...*",
            "*needs a Redis broker at redis://127.0.0.1:1/15*",
            "*needs Chromium at /nowhere/chromium*",
        ]
    )
