"""The live dashboard of a Regional Review for staff: one grouped query per figure, so
that the number of queries does not grow with the number of registrations, inputs,
applications or campaigns. Each figure is a chart of core/charts.py, drawn as server-side
SVG beside its numbers as a table, and downloadable as CSV. Figures that another page or
report also shows come from that page's selector (inputs from
roundtables.selectors.inputs, the Rapporteur pool from roundtables.selectors.rapporteur,
campaign funnels from outreach.selectors), so that they cannot disagree."""

from django.db.models import Count, Q
from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import get_language_bidi, gettext

from consultations.enums import Attendance, Mode, RegistrationStatus
from consultations.models import RegionalReview, Registration, Session
from consultations.selectors import COUNTRY, count_by_sector
from core.charts import Chart, bar_chart
from gcm.models import MemberState
from outreach.selectors import review_campaign_funnels
from reports.builders.inputs import cluster_chart, objective_chart
from roundtables.balance import Labels
from roundtables.enums import InputStatus
from roundtables.selectors.inputs import input_count_by_cluster, input_count_by_objective
from roundtables.selectors.rapporteur import call_of_review, pool_balance
from stakeholders.enums import Gender


def _chart(key: str, title: str, rows: list[tuple[str, int]]) -> Chart:
    return bar_chart(
        key=key, title=title, unit=gettext("registrations"), rows=rows, rtl=get_language_bidi()
    )


def _input_charts(review: RegionalReview) -> list[Chart]:
    """The inputs analysis paper's two charts, from the same selectors: accepted inputs,
    by objective (titled, since no table of titles stands beside it here) and cluster."""
    statuses = [InputStatus.ACCEPTED]
    return [
        objective_chart(input_count_by_objective(review=review, statuses=statuses), titled=True),
        cluster_chart(input_count_by_cluster(review=review, statuses=statuses)),
    ]


def _rapporteur_charts(review: RegionalReview) -> list[Chart]:
    """The balance of the pool of applicants to the review's Rapporteur call, as the
    selection page counts it (roundtables.selectors.rapporteur.pool_balance)."""
    titles = {
        "gender": gettext("Rapporteur pool by gender"),
        "subregion": gettext("Rapporteur pool by sub-region"),
        "sector": gettext("Rapporteur pool by sector"),
    }
    call = call_of_review(review=review, now=timezone.now())
    dimensions = (
        {
            dimension.name: dimension
            for dimension in pool_balance(call=call, labels=Labels(region_id=review.region_id))
        }
        if call
        else {}
    )
    note = gettext("Applications to “%(call)s”.") % {"call": call.title} if call else ""
    return [
        bar_chart(
            key=f"rapporteur-{name}",
            title=title,
            unit=gettext("applications"),
            rows=[
                (share.label, share.count)
                for share in (dimensions[name].shares if name in dimensions else [])
            ],
            rtl=get_language_bidi(),
            note=note,
        )
        for name, title in titles.items()
    ]


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
        *_input_charts(review),
        *_rapporteur_charts(review),
    ]
    campaigns = review_campaign_funnels(review=review)
    return {
        "charts": charts,
        "sessions": sessions,
        "campaigns": campaigns,
        "total": sum(n for _label, n in by_mode),
    }
