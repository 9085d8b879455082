"""Run the fault experiments: `python -m faults [name ...]` (names in
faults.experiments.EXPERIMENTS, all by default). Prints one JSON object per line and
exits 1 when a figure misses its target or an experiment could not run."""

import os
import signal
import sys
import time

from faults.experiments import EXPERIMENTS
from faults.lines import emit, exit_code, line
from faults.stack import Stack


def _failed(experiment: str, error: BaseException) -> dict:
    return {
        "experiment": experiment,
        "metric": "error",
        "value": f"{type(error).__name__}: {error}"[:2000],
        "target": None,
        "ok": False,
    }


def _terminated(signum, frame):
    # A CI timeout or Ctrl-C: unwind, so that every process started is stopped.
    raise SystemExit(128 + signum)


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in EXPERIMENTS]
    if unknown:
        print(f"unknown experiments {unknown}; choose from {list(EXPERIMENTS)}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _terminated)
    started = time.monotonic()
    records: list[dict] = []
    try:
        with Stack(
            inputs=int(os.environ.get("FAULTS_INPUTS", "10000")),
            users=int(os.environ.get("FAULTS_USERS", "220")),
        ) as stack:
            records.append(emit(line("setup", "setup_s", round(time.monotonic() - started, 1))))
            for name in names or list(EXPERIMENTS):
                for process in ("web", "worker", "beat"):
                    stack.ensure(process)
                try:
                    for record in EXPERIMENTS[name](stack):
                        records.append(emit(record))
                except Exception as error:
                    records.append(emit(_failed(name, error)))
                    for process in ("web", "worker", "beat"):
                        print(f"--- {process} log ---\n{stack.log_tail(process)}", file=sys.stderr)
    except Exception as error:
        records.append(emit(_failed("setup", error)))
    total = round(time.monotonic() - started, 1)
    records.append(emit(line("faults", "faults_total_s", total, "< 600")))
    return exit_code(records)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
