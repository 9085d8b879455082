"""The app order of the README holds: import-linter checks the layers contract of
pyproject.toml, which must name every package of the project."""

import subprocess
import sys
import tomllib
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[1]


def _contract() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def test_architecture_layers_contract_is_kept():
    result = subprocess.run(  # noqa: S603 - the project's own tool
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_architecture_layers_name_every_project_package():
    project_apps = {
        config.name for config in apps.get_app_configs() if (ROOT / config.name).is_dir()
    }
    layers = {
        name.strip() for layer in _contract()["contracts"][0]["layers"] for name in layer.split("|")
    }

    assert project_apps <= layers
    assert set(_contract()["root_packages"]) == layers
