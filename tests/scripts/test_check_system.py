"""scripts/check-system.sh installs what a fresh Debian machine lacks, by itself: with
apt-get as root, with sudo otherwise, and stops with the line to type only where neither
is possible. Run against stub commands on PATH, so nothing is really installed."""

import shutil
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check-system.sh"


def _stub(bin_dir: Path, name: str, body: str) -> None:
    path = bin_dir / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)


def _machine(
    tmp_path, *, uid: int, sudo: str | None, installed: set[str], npm: bool = True
) -> dict:
    """A PATH of stubs: dpkg-query knows `installed`, apt-get and sudo log their calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    known = " ".join(sorted(installed))
    _stub(
        bin_dir,
        "dpkg-query",
        f'for p in {known}; do [ "$3" = "$p" ] && echo "install ok installed" && exit 0; done\n'
        "exit 1",
    )
    _stub(bin_dir, "apt-get", f'echo "apt-get $*" >> {log}')
    _stub(bin_dir, "id", f"echo {uid}")
    if sudo == "ok":
        _stub(bin_dir, "sudo", '[ "$1" = "-n" ] && shift; [ "$1" = true ] && exit 0; "$@"')
    elif sudo == "password":
        _stub(bin_dir, "sudo", "exit 1")
    if npm:
        _stub(bin_dir, "npm", "exit 0")
    for tool in ("grep", "env", "sh", "bash"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    # A Python that can create virtual environments, as after python3-venv is installed.
    return {"PATH": str(bin_dir), "HOME": str(tmp_path), "PYTHON": sys.executable}, log


EVERYTHING = {
    "gettext",
    "libpango-1.0-0",
    "libpangoft2-1.0-0",
    "libharfbuzz-subset0",
    "fonts-dejavu-core",
    "fonts-noto-core",
    "fonts-noto-cjk",
    "chromium",
}


def _run(env, *args):
    command = [shutil.which("bash"), str(SCRIPT), *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603


def test_check_system_as_root_installs_missing_packages_with_apt_get(tmp_path):
    env, log = _machine(tmp_path, uid=0, sudo=None, installed=EVERYTHING - {"chromium"})

    result = _run(env, "test")

    assert result.returncode == 0
    calls = log.read_text().splitlines()
    assert calls[0] == "apt-get update -qq"
    assert calls[1] == "apt-get install -y -qq --no-install-recommends chromium"


def test_check_system_without_root_uses_sudo(tmp_path):
    env, log = _machine(tmp_path, uid=1000, sudo="ok", installed=EVERYTHING - {"gettext"})

    result = _run(env, "run")

    assert result.returncode == 0
    assert log.read_text().splitlines()[-1] == (
        "apt-get install -y -qq --no-install-recommends gettext"
    )


def test_check_system_without_root_or_sudo_prints_the_line_and_fails(tmp_path):
    env, log = _machine(tmp_path, uid=1000, sudo="password", installed=EVERYTHING - {"chromium"})

    result = _run(env, "test")

    assert result.returncode == 1
    assert "sudo apt-get install -y --no-install-recommends chromium" in result.stderr
    assert not log.exists()


def test_check_system_with_everything_installed_does_nothing(tmp_path):
    env, log = _machine(tmp_path, uid=0, sudo=None, installed=EVERYTHING)

    result = _run(env, "test")

    assert (result.returncode, result.stdout, log.exists()) == (0, "", False)


def test_check_system_list_prints_only_missing_names(tmp_path):
    env, _log = _machine(
        tmp_path, uid=0, sudo=None, installed=EVERYTHING - {"chromium", "fonts-noto-cjk"}
    )

    result = _run(env, "test", "--list")

    assert result.stdout.strip() == "fonts-noto-cjk chromium"


def test_check_system_adds_python_venv_when_python_cannot_create_one(tmp_path):
    env, _log = _machine(tmp_path, uid=0, sudo=None, installed=EVERYTHING)
    fake_python = tmp_path / "bin" / "python-without-venv"
    fake_python.write_text(
        '#!/bin/sh\n[ "$1" = -c ] && case "$2" in *ensurepip*) exit 1;; esac\necho 3.11\n'
    )
    fake_python.chmod(0o755)
    env["PYTHON"] = str(fake_python)

    result = _run(env, "run", "--list")

    assert result.stdout.strip() == "python3.11-venv"


def test_check_system_for_tests_installs_npm_when_there_is_none(tmp_path):
    env, log = _machine(tmp_path, uid=0, sudo=None, installed=EVERYTHING, npm=False)

    result = _run(env, "test")

    assert result.returncode == 0, result.stderr
    assert log.read_text().splitlines()[1] == "apt-get install -y -qq --no-install-recommends npm"


def test_check_system_to_run_needs_no_npm(tmp_path):
    env, log = _machine(tmp_path, uid=0, sudo=None, installed=EVERYTHING, npm=False)

    result = _run(env, "run")

    assert result.returncode == 0, result.stderr
    assert not log.exists()
