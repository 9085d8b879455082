import logging

from celery import shared_task

from outreach import services
from outreach.models import Campaign

logger = logging.getLogger(__name__)


@shared_task(name="outreach.deliver_campaign", acks_late=True, ignore_result=True)
def deliver_campaign(*, campaign_id: int) -> int:
    if not Campaign.objects.filter(pk=campaign_id).exists():
        logger.warning("Campaign %s is gone; nothing to deliver", campaign_id)
        return 0
    return services.campaign_deliver(campaign_id=campaign_id)


@shared_task(name="outreach.resume_campaigns", acks_late=True, ignore_result=True)
def resume_campaigns() -> int:
    return services.campaigns_resume()
