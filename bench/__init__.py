"""`make bench`: measurements that issues name as figures, printed as JSON lines
{"metric", "value", "unit", "target"}. Each `*_bench.py` module here has a `run()` that
yields such dicts; `python -m bench [name ...]` runs all of them or the named ones."""
