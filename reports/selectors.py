from django.db.models import QuerySet

from reports.models import Report


def report_list_published() -> QuerySet[Report]:
    return (
        Report.objects.filter(published_at__isnull=False)
        .select_related("session", "review")
        .order_by("-published_at")
    )
