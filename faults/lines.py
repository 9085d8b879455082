"""The JSON lines `python -m faults` prints, and the exit code they add up to."""

import json
import operator
import sys
from collections.abc import Iterable

COMPARISONS = {
    "<=": operator.le,
    ">=": operator.ge,
    "<": operator.lt,
    ">": operator.gt,
    "==": operator.eq,
}


def meets(value, target) -> bool:
    """Whether a figure meets its target: None means informational (always met); a number
    must be equal; a string "<= 180" (or <, >=, >, ==) compares. A figure that could not
    be measured (None) misses any real target."""
    if target is None:
        return True
    if value is None:
        return False
    if isinstance(target, str):
        sign, _space, bound = target.strip().partition(" ")
        if sign not in COMPARISONS:
            raise ValueError(f"unknown target {target!r}")
        return COMPARISONS[sign](value, float(bound))
    return value == target


def line(experiment: str, metric: str, value, target=None, **extra) -> dict:
    return {
        "experiment": experiment,
        "metric": metric,
        "value": value,
        "target": target,
        "ok": meets(value, target),
        **extra,
    }


def emit(record: dict, stream=None) -> dict:
    print(json.dumps(record, default=str), file=stream or sys.stdout, flush=True)
    return record


def exit_code(records: Iterable[dict]) -> int:
    """0 when every figure met its target, 1 otherwise (or when nothing was measured)."""
    records = list(records)
    return 0 if records and all(record["ok"] for record in records) else 1
