"""`make faults`: the app under faults (issue 10). `python -m faults [name ...]` starts a
stack of its own on loopback (Redis, a worker, beat, gunicorn on PostgreSQL behind a TCP
proxy, an SMTP sink), runs each experiment and prints one JSON object per line:
{"experiment", "metric", "value", "target", "ok"}. It exits non-zero when a figure misses
its target. See the "Faults" section of README.md."""
