"""Production settings (DEBUG off, from the environment) with two failing test URLs."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "tests.config.production_urls"
