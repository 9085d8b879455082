"""Run the benchmarks: `python -m bench [name ...]` (names without the `_bench` suffix).

Each module runs in a child process of its own, so that each can configure Django with
the settings and database it needs; their JSON lines are relayed as they come."""

import json
import pkgutil
import subprocess
import sys
import time
from pathlib import Path

CHILD = (
    "import json, sys; from bench.{name} import run\n"
    "for metric in run():\n"
    "    print(json.dumps(metric), flush=True)\n"
)


def main(names: list[str]) -> int:
    here = Path(__file__).parent
    modules = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.endswith("_bench"))
    if names:
        modules = [m for m in modules if m.removesuffix("_bench") in names]
    started = time.monotonic()
    failed = 0
    for name in modules:
        result = subprocess.run(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-c", CHILD.format(name=name)],
            cwd=here.parent,
            check=False,
        )
        if result.returncode != 0:
            failed += 1
            print(json.dumps({"metric": f"{name}_failed", "value": result.returncode}), flush=True)
    total = round(time.monotonic() - started, 1)
    print(json.dumps({"metric": "bench_total_s", "value": total, "unit": "s", "target": "< 600"}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
