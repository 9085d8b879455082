"""Celery beat keeps its schedule across restarts: the file where it records when each
entry last ran is configured, and docker-compose puts it on a volume."""

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from celery.beat import PersistentScheduler
from django.conf import settings

from config.celery import app

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_SCHEDULE = "/var/lib/gcm-beat/celerybeat-schedule"


def test_beat_schedule_file_is_the_setting_and_not_in_tmp():
    assert app.conf.beat_schedule_filename == settings.CELERY_BEAT_SCHEDULE_FILENAME
    assert Path(settings.CELERY_BEAT_SCHEDULE_FILENAME).is_absolute()
    # Not the system's temporary folder itself, which a reboot empties.
    assert Path(settings.CELERY_BEAT_SCHEDULE_FILENAME).parent != Path(tempfile.gettempdir())


def test_compose_scheduler_keeps_its_schedule_on_a_volume():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    scheduler = compose["services"]["scheduler"]

    assert f"--schedule {COMPOSE_SCHEDULE}" in scheduler["command"]
    assert "beat:/var/lib/gcm-beat" in scheduler["volumes"]
    assert "beat" in compose["volumes"]
    assert "/var/lib/gcm-beat" in (ROOT / "Dockerfile").read_text()


def test_watchdog_runs_every_30_seconds():
    assert settings.CELERY_BEAT_SCHEDULE["reports-watchdog"]["schedule"] == 30.0
    assert (settings.REPORT_HEARTBEAT_SECONDS, settings.REPORT_STALE_AFTER_SECONDS) == (
        10.0,
        60.0,
    )


def test_beat_remembers_when_an_entry_last_ran_across_a_restart(tmp_path):
    schedule = {"reports-watchdog": {"task": "reports.watchdog", "schedule": 30.0}}
    filename = str(tmp_path / "celerybeat-schedule")
    first = PersistentScheduler(app, schedule_filename=filename, lazy=True)
    first.setup_schedule()
    first.merge_inplace(schedule)
    ran_at = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
    first.schedule["reports-watchdog"].last_run_at = ran_at
    first.sync()
    first.close()

    restarted = PersistentScheduler(app, schedule_filename=filename, lazy=True)
    restarted.setup_schedule()
    restarted.merge_inplace(schedule)

    assert restarted.schedule["reports-watchdog"].last_run_at == ran_at
    restarted.close()
