from django.db import models


class Heartbeat(models.Model):
    """When a periodic task last ran on a worker. Readiness (/readyz) reads its age
    instead of pinging the workers through the broker on every probe."""

    name = models.CharField(max_length=50, primary_key=True)
    at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name}: {self.at.isoformat()}"
