"""The live dashboard of a Regional Review for staff: one grouped query per figure, so
that the number of queries does not grow with the number of registrations. Each figure
is a chart of core/charts.py, drawn as server-side SVG beside its numbers as a table,
and downloadable as CSV."""

from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.utils.translation import get_language_bidi, gettext

from consultations.enums import Attendance, Mode, RegistrationStatus
from consultations.models import RegionalReview, Registration, Session
from consultations.selectors import COUNTRY, count_by_sector
from core.charts import Chart, bar_chart
from gcm.models import MemberState
from outreach.selectors import review_campaign_funnels
from stakeholders.enums import Gender


def _chart(key: str, title: str, rows: list[tuple[str, int]]) -> Chart:
    return bar_chart(
        key=key, title=title, unit=gettext("registrations"), rows=rows, rtl=get_language_bidi()
    )


def review_dashboard(*, review: RegionalReview) -> dict:
    active = Registration.objects.filter(session__review=review).exclude(
        status=RegistrationStatus.CANCELLED
    )
    modes = dict(Mode.choices)
    by_mode = [
        (str(modes.get(mode, mode)), n)
        for mode, n in active.values_list("mode").annotate(n=Count("pk")).order_by("mode")
    ]
    by_sector = [
        (sector.name if sector else gettext("Not given"), n)
        for sector, n in count_by_sector(active)
    ]
    genders = dict(Gender.choices)
    by_gender = [
        (str(genders.get(gender, gettext("Not given"))), n)
        for gender, n in active.values_list("user__profile__gender")
        .annotate(n=Count("pk"))
        .order_by("user__profile__gender")
    ]
    migrant_led = active.aggregate(
        yes=Count("pk", filter=Q(user__profile__organisation__migrant_led=True)),
        no=Count("pk", filter=~Q(user__profile__organisation__migrant_led=True)),
    )
    subregions = dict(
        MemberState.objects.filter(region_id=review.region_id).values_list(
            "country", "subregion__name"
        )
    )
    by_subregion: dict[str, int] = {}
    for country, n in (
        active.annotate(country_key=COUNTRY).values_list("country_key").annotate(n=Count("pk"))
    ):
        label = subregions.get(country) or gettext("Outside the region or not given")
        by_subregion[label] = by_subregion.get(label, 0) + n
    weeks = [
        (week.date().isoformat(), n)
        for week, n in active.annotate(week=TruncWeek("created_at"))
        .values_list("week")
        .annotate(n=Count("pk"))
        .order_by("week")
        if week is not None
    ]
    sessions = list(
        Session.objects.filter(review=review)
        .annotate(
            registered=Count("registrations", filter=~Q(registrations__status="cancelled")),
            # The attendance rule of consultations.selectors.ATTENDED, through the relation.
            attended=Count(
                "registrations",
                filter=Q(
                    registrations__status=RegistrationStatus.CONFIRMED,
                    registrations__attendance=Attendance.ATTENDED,
                ),
            ),
        )
        .order_by("starts_at")
    )
    charts = [
        _chart("mode", gettext("Registrations by mode of attendance"), by_mode),
        _chart("weeks", gettext("Registrations by week"), weeks),
        _chart("sector", gettext("Registrations by sector"), by_sector),
        _chart("subregion", gettext("Registrations by sub-region"), sorted(by_subregion.items())),
        _chart("gender", gettext("Registrations by gender"), by_gender),
        _chart(
            "migrant-led",
            gettext("Registrations from migrant-led organisations"),
            [
                (gettext("Migrant-led organisation"), migrant_led["yes"]),
                (gettext("Other or none"), migrant_led["no"]),
            ],
        ),
        _chart(
            "attendance",
            gettext("Attendance by session"),
            [(session.title, session.attended) for session in sessions],
        ),
    ]
    campaigns = review_campaign_funnels(review=review)
    return {
        "charts": charts,
        "sessions": sessions,
        "campaigns": campaigns,
        "total": sum(n for _label, n in by_mode),
    }
