from celery import shared_task

from feedback import services


@shared_task(name="feedback.send_surveys", acks_late=True, ignore_result=True)
def send_surveys() -> int:
    return services.survey_requests_send()
