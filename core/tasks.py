from celery import shared_task

from core.heartbeat import heartbeat_record


@shared_task(name="core.heartbeat", ignore_result=True)
def heartbeat() -> None:
    heartbeat_record(name="worker")
