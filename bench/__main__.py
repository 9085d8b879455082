import importlib
import json
import pkgutil
import sys
import time
from pathlib import Path


def main(names: list[str]) -> int:
    here = Path(__file__).parent
    modules = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.endswith("_bench"))
    if names:
        modules = [m for m in modules if m.removesuffix("_bench") in names]
    started = time.monotonic()
    for name in modules:
        module = importlib.import_module(f"bench.{name}")
        for metric in module.run():
            print(json.dumps(metric), flush=True)
    print(
        json.dumps(
            {
                "metric": "bench_total_s",
                "value": round(time.monotonic() - started, 1),
                "unit": "s",
                "target": "< 600",
            }
        ),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
