from celery import shared_task

from reports import services


@shared_task(
    name="reports.render",
    bind=True,
    acks_late=True,
    autoretry_for=services.TRANSIENT_ERRORS,
    retry_backoff=15,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=services.MAX_ATTEMPTS - 1,
    soft_time_limit=services.RENDER_SOFT_TIME_LIMIT,
    time_limit=services.RENDER_TIME_LIMIT,
)
def render_report(self, *, report_id: int) -> None:
    services.report_render(
        report_id=report_id,
        worker=self.request.hostname or "",
        final_attempt=self.request.retries >= self.max_retries,
    )


@shared_task(name="reports.watchdog", acks_late=True)
def watchdog() -> dict[str, int]:
    return services.report_watchdog()
