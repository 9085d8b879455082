"""The operations of the public API. Each reads through the domain apps' selectors and
turns rows into the documents of opendata.api.schemas, field by field."""

import zoneinfo
from typing import Annotated

from django.http import HttpRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from ninja import NinjaAPI, Path, Query, Status
from ninja.decorators import decorate_view
from ninja.openapi.docs import Swagger

from consultations import selectors as sessions_selectors
from consultations.enums import Mode, SessionFormat, SessionKind, SessionStatus
from gcm import selectors as gcm_selectors
from opendata.api import schemas
from opendata.api.http import api_view, conditional
from reports import selectors as reports_selectors
from reports.enums import ReportKind
from roundtables.enums import InputType, RoleKind
from roundtables.selectors import clusters as clusters_selectors
from roundtables.selectors import inputs as inputs_selectors
from roundtables.selectors import rapporteur as rapporteur_selectors

DESCRIPTION = """
The public data of the GCM Consultations: Regional Reviews, their sessions, roundtables
and the coverage of the 23 GCM objectives, open calls for a stakeholder Rapporteur,
published stakeholder inputs and published reports.

* **Read-only and anonymous**: no key; requests are limited per client address (429 with
  Retry-After when exceeded).
* **Languages**: `lang` (ar, en, es, fr, ru, zh-hans) or `Accept-Language`; content not
  yet translated falls back to English, as on the site. `Content-Language` says which.
* **Caching**: every answer has an `ETag` (lists of sessions, inputs and reports also a
  `Last-Modified`); send `If-None-Match` / `If-Modified-Since` to get 304.
* **Pages**: `page` and `page_size` (at most 100); `next` and `previous` are addresses.
* **Times** carry the offset of their own time zone, named in `time_zone`.
* **Licence**: the data is published under CC BY 4.0.
"""


class DocsPage(Swagger):
    """Swagger UI from the files django-ninja ships, served by the site itself, started
    by a static script of our own (no CDN, no inline script)."""

    template = "opendata/api_docs.html"

    def render_page(self, request, api, **kwargs):
        return render(
            request,
            self.template,
            {"api": api, "api_schema_url": self.get_openapi_url(api, kwargs)},
        )


api = NinjaAPI(
    title="GCM Consultations open data API",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url="/schema",
    docs_url="/docs",
    docs=DocsPage(),
)
api.add_decorator(api_view, mode="view")

Slug = Annotated[str, Path(pattern=r"^[-a-zA-Z0-9_]{1,100}$")]
SlugFilter = Annotated[str | None, Query(None, pattern=r"^[-a-zA-Z0-9_]{1,100}$")]
Lang = Annotated[
    schemas.LanguageCode | None,
    Query(None, description="Language of the content; else Accept-Language, else English."),
]
PageNumber = Annotated[int, Query(1, ge=1, le=10_000)]
PageSize = Annotated[int, Query(50, ge=1, le=100)]

ERRORS = {404: schemas.Error, 422: schemas.Error, 429: schemas.Error}
LIST_ERRORS = {422: schemas.Error, 429: schemas.Error}


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _page(request: HttpRequest, queryset, *, page: int, page_size: int):
    """One page of a queryset: (rows, count, next, previous). Two queries (count and
    rows) plus the queryset's own prefetches, however many rows there are."""
    count = queryset.count()
    start = (page - 1) * page_size
    rows = list(queryset[start : start + page_size]) if start < count else []

    def address(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return _absolute(request, f"{request.path}?{query.urlencode()}")

    following = address(page + 1) if start + page_size < count else None
    preceding = address(min(page - 1, max(1, -(-count // page_size)))) if page > 1 else None
    return rows, count, following, preceding


def _country(country) -> dict | None:
    return {"code": country.code, "name": str(country.name)} if country else None


# --- index ----------------------------------------------------------------------------


@api.get(
    "/",
    tags=["index"],
    response={200: schemas.Index, **LIST_ERRORS},
    summary="What this API offers",
)
@decorate_view(conditional())
def index(request, lang: Lang = None):
    def url(name: str) -> str:
        return _absolute(request, reverse(f"api-v1:{name}"))

    return {
        "openapi": url("openapi-json"),
        "documentation": url("openapi-view"),
        "licence": "https://creativecommons.org/licenses/by/4.0/",
        "endpoints": {
            name: url(name)
            for name in ("reviews", "sessions", "rapporteur_calls", "inputs", "reports")
        }
        | {"objectives": url("objectives"), "sectors": url("sectors")},
    }


# --- reference data -------------------------------------------------------------------


@api.get(
    "/objectives",
    tags=["reference data"],
    response={200: list[schemas.Objective], **LIST_ERRORS},
    url_name="objectives",
    summary="The 23 objectives of the Global Compact for Migration",
)
@decorate_view(conditional())
def objectives(request, lang: Lang = None):
    return [{"number": o.number, "title": o.title} for o in gcm_selectors.objective_list()]


@api.get(
    "/sectors",
    tags=["reference data"],
    response={200: list[schemas.Sector], **LIST_ERRORS},
    url_name="sectors",
    summary="The stakeholder sectors of GCM paragraph 44",
)
@decorate_view(conditional())
def sectors(request, lang: Lang = None):
    return [{"code": s.code, "name": s.name} for s in gcm_selectors.sector_list()]


# --- reviews --------------------------------------------------------------------------


def _review(request, review) -> dict:
    region = review.region
    return {
        "slug": review.slug,
        "title": review.title,
        "region": {
            "code": region.code,
            "name": region.name,
            "commission": region.commission_name,
            "commission_abbreviation": region.commission_abbreviation,
        },
        "meeting_date": review.meeting_date,
        "venue": review.venue,
        "city": review.city,
        "country": _country(review.country),
        "time_zone": review.time_zone,
        "description": review.description,
        "inputs_deadline": review.inputs_deadline.astimezone(zoneinfo.ZoneInfo(review.time_zone))
        if review.inputs_deadline
        else None,
        "url": _absolute(request, review.get_absolute_url()),
        "sessions": _absolute(request, reverse("api-v1:sessions") + f"?review={review.slug}"),
        "roundtables": _absolute(
            request, reverse("api-v1:roundtables", kwargs={"slug": review.slug})
        ),
    }


@api.get(
    "/reviews",
    tags=["reviews"],
    response={200: list[schemas.Review], **LIST_ERRORS},
    url_name="reviews",
    summary="Regional Reviews, the latest first",
)
@decorate_view(conditional())
def reviews(request, lang: Lang = None):
    return [_review(request, review) for review in sessions_selectors.review_list()]


@api.get(
    "/reviews/{slug}",
    tags=["reviews"],
    response={200: schemas.Review, **ERRORS},
    url_name="review",
    summary="One Regional Review",
)
@decorate_view(conditional())
def review(request, slug: Slug, lang: Lang = None):
    found = sessions_selectors.review_get(slug=slug)
    if found is None:
        return Status(404, {"detail": "No such Regional Review."})
    return _review(request, found)


@api.get(
    "/reviews/{slug}/roundtables",
    tags=["roundtables"],
    response={200: schemas.Roundtables, **ERRORS},
    url_name="roundtables",
    summary="A review's roundtables, their objectives and the coverage of the 23 objectives",
)
@decorate_view(conditional())
def roundtables(request, slug: Slug, lang: Lang = None):
    found = sessions_selectors.review_get(slug=slug)
    if found is None:
        return Status(404, {"detail": "No such Regional Review."})
    rows = list(clusters_selectors.roundtable_list(review=found).order_by("number"))
    coverage = clusters_selectors.objective_coverage(roundtables=rows)
    inputs_url = reverse("api-v1:inputs")
    return {
        "review": found.slug,
        "roundtables": [
            {
                "number": roundtable.number,
                "title": roundtable.title,
                "description": roundtable.description,
                "objectives": [
                    {"number": o.number, "title": o.title} for o in roundtable.objectives.all()
                ],
                "speakers": [_role(role) for role in roundtable.roles.all()],
                "consultations": [s.slug for s in roundtable.consultations.all()],
                "inputs": _absolute(
                    request, f"{inputs_url}?review={found.slug}&roundtable={roundtable.number}"
                ),
            }
            for roundtable in rows
        ],
        "coverage": {
            "objectives": [
                {
                    "number": objective.number,
                    "title": objective.title,
                    "roundtables": [roundtable.number for roundtable in covering],
                }
                for objective, covering in coverage.objectives
            ],
            "uncovered": [objective.number for objective in coverage.uncovered],
            "in_several": [objective.number for objective, _rts in coverage.multiple],
        },
    }


def _role(role) -> dict:
    organisation = None
    if role.user_id and getattr(role.user, "profile", None) is not None:
        organisation = role.user.profile.organisation
    return {
        "kind": role.kind,
        "kind_label": str(RoleKind(role.kind).label),
        "name": role.display_name,
        "function": role.title,
        "affiliation": role.affiliation or (organisation.name if organisation else ""),
        "country": _country(role.country),
    }


# --- sessions -------------------------------------------------------------------------


def _session(request, session, seats: dict) -> dict:
    zone = session.tzinfo
    return {
        "slug": session.slug,
        "review": session.review.slug,
        "kind": session.kind,
        "kind_label": str(SessionKind(session.kind).label),
        "format": session.format,
        "format_label": str(SessionFormat(session.format).label),
        "status": session.status,
        "status_label": str(SessionStatus(session.status).label),
        "title": session.title,
        "description": session.description,
        "organisers": session.organisers,
        "summary": session.summary,
        "starts_at": session.local_starts_at,
        "ends_at": session.local_ends_at,
        "time_zone": session.time_zone,
        "venue": session.venue,
        "platform": session.platform,
        "external_url": session.external_url,
        "languages": list(session.languages or []),
        "interpretation": list(session.interpretation or []),
        "modes": [
            {
                "mode": mode,
                "label": str(Mode(mode).label),
                "capacity": session.capacity_for(mode),
                "seats_left": seats.get(mode),
            }
            for mode in session.modes
        ],
        "registration": {
            "opens_at": session.registration_opens_at.astimezone(zone)
            if session.registration_opens_at
            else None,
            "closes_at": session.registration_closes_at.astimezone(zone)
            if session.registration_closes_at
            else None,
        },
        "url": _absolute(request, session.get_absolute_url()),
    }


@api.get(
    "/sessions",
    tags=["sessions"],
    response={200: schemas.Page[schemas.Session], **LIST_ERRORS},
    url_name="sessions",
    summary="Public sessions, in time order",
    description="Sessions of every review but drafts: consultations, GCM Talks and "
    "Regional Review meetings. `upcoming=true` keeps those not yet over.",
)
@decorate_view(conditional(sessions_selectors.sessions_last_change))
def sessions(
    request,
    review: SlugFilter = None,
    kind: Annotated[schemas.SessionKindCode | None, Query(None)] = None,
    format: Annotated[schemas.SessionFormatCode | None, Query(None)] = None,
    status: Annotated[schemas.SessionStatusCode | None, Query(None)] = None,
    upcoming: Annotated[bool, Query(False, description="Only sessions not over yet.")] = False,
    lang: Lang = None,
    page: PageNumber = 1,
    page_size: PageSize = 50,
):
    queryset = sessions_selectors.session_filtered(
        review=review or "",
        kind=kind or "",
        format=format or "",
        status=status or "",
        ends_after=timezone.now() if upcoming else None,
    ).order_by("starts_at", "pk")
    rows, count, following, preceding = _page(request, queryset, page=page, page_size=page_size)
    seats = sessions_selectors.seats_left_by_session(sessions=rows)
    return {
        "count": count,
        "next": following,
        "previous": preceding,
        "results": [_session(request, session, seats[session.pk]) for session in rows],
    }


@api.get(
    "/sessions/{slug}",
    tags=["sessions"],
    response={200: schemas.Session, **ERRORS},
    url_name="session",
    summary="One public session",
)
@decorate_view(conditional(sessions_selectors.sessions_last_change))
def session(request, slug: Slug, lang: Lang = None):
    found = sessions_selectors.session_filtered().filter(slug=slug).first()
    if found is None:
        return Status(404, {"detail": "No such session."})
    seats = sessions_selectors.seats_left_by_session(sessions=[found])
    return _session(request, found, seats[found.pk])


# --- the Rapporteur calls -------------------------------------------------------------


@api.get(
    "/rapporteur-calls",
    tags=["rapporteur calls"],
    response={200: list[schemas.Call], **LIST_ERRORS},
    url_name="rapporteur_calls",
    summary="Calls for a stakeholder Rapporteur open for applications now",
)
@decorate_view(conditional())
def rapporteur_calls(request, lang: Lang = None):
    calls = rapporteur_selectors.call_list_open(now=timezone.now())
    return [
        {
            "slug": call.slug,
            "review": call.review.slug,
            "title": call.title,
            "description": call.description,
            "eligibility": call.eligibility,
            "opens_at": call.opens_at.astimezone(call.tzinfo),
            "deadline": call.local_deadline,
            "time_zone": call.time_zone,
            "places": call.places,
            "criteria": [criterion.name for criterion in call.criteria.all()],
            "url": _absolute(request, call.get_absolute_url()),
        }
        for call in calls
    ]


# --- stakeholder inputs ---------------------------------------------------------------


def _input(request, item) -> dict:
    attachment = (
        _absolute(request, reverse("roundtables:input_attachment", kwargs={"pk": item.pk}))
        if item.attachment
        else None
    )
    return {
        "id": item.pk,
        "review": item.review.slug,
        "title": item.title,
        "text": item.text,
        "language": item.language,
        "type": item.input_type,
        "type_label": str(InputType(item.input_type).label),
        "attributed_to": item.attributed_to,
        "sector": {"code": item.sector.code, "name": item.sector.name} if item.sector else None,
        "country": _country(item.country),
        "objectives": [objective.number for objective in item.objectives.all()],
        "roundtable": item.roundtable.number if item.roundtable else None,
        "raised_at": item.source_session.slug if item.source_session else None,
        "attachment": attachment,
    }


@api.get(
    "/inputs",
    tags=["stakeholder inputs"],
    response={200: schemas.Page[schemas.Input], **LIST_ERRORS},
    url_name="inputs",
    summary="Published stakeholder inputs",
    description="Accepted inputs whose authors agreed to their publication. An input "
    "belongs to a roundtable (its number in the input's review) if it was filed under it "
    "or addresses one of its objectives.",
)
@decorate_view(conditional(inputs_selectors.inputs_last_change))
def inputs(
    request,
    review: SlugFilter = None,
    objective: Annotated[int | None, Query(None, ge=1, le=23)] = None,
    roundtable: Annotated[int | None, Query(None, ge=1, le=100)] = None,
    sector: SlugFilter = None,
    country: Annotated[str | None, Query(None, pattern=r"^[A-Z]{2}$")] = None,
    language: Annotated[schemas.LanguageCode | None, Query(None)] = None,
    type: Annotated[schemas.InputTypeCode | None, Query(None)] = None,
    lang: Lang = None,
    page: PageNumber = 1,
    page_size: PageSize = 50,
):
    found_review = found_objective = None
    if review:
        found_review = sessions_selectors.review_get(slug=review)
        if found_review is None:
            return {"count": 0, "next": None, "previous": None, "results": []}
    if objective is not None:
        found_objective = gcm_selectors.objective_list().filter(number=objective).first()
    queryset = inputs_selectors.inputs_published(
        review=found_review,
        roundtable_number=roundtable,
        objective=found_objective,
        sector=sector or "",
        country=country or "",
        language=language or "",
        input_type=type or "",
    )
    rows, count, following, preceding = _page(request, queryset, page=page, page_size=page_size)
    return {
        "count": count,
        "next": following,
        "previous": preceding,
        "results": [_input(request, item) for item in rows],
    }


# --- reports --------------------------------------------------------------------------


@api.get(
    "/reports",
    tags=["reports"],
    response={200: schemas.Page[schemas.Report], **LIST_ERRORS},
    url_name="reports",
    summary="Published reports, the latest first",
    description="The current published version of each report; `review` also gives the "
    "summary reports of the review's sessions.",
)
@decorate_view(conditional(reports_selectors.reports_last_change))
def reports(
    request,
    review: SlugFilter = None,
    kind: Annotated[schemas.ReportKindCode | None, Query(None)] = None,
    language: Annotated[schemas.LanguageCode | None, Query(None)] = None,
    lang: Lang = None,
    page: PageNumber = 1,
    page_size: PageSize = 50,
):
    queryset = reports_selectors.report_list_published(
        language=language or "", kind=kind or "", review=review or ""
    )
    rows, count, following, preceding = _page(request, queryset, page=page, page_size=page_size)
    return {
        "count": count,
        "next": following,
        "previous": preceding,
        "results": [
            {
                "id": report.pk,
                "kind": report.kind,
                "kind_label": str(ReportKind(report.kind).label),
                "language": report.language,
                "version": report.version,
                "subject": {
                    "type": "session" if report.session_id else "review",
                    "slug": report.subject.slug,
                    "title": report.subject.title,
                },
                "published_at": report.published_at,
                "page_count": report.page_count,
                "file_size": report.file_size,
                "download": _absolute(
                    request, reverse("reports:download", kwargs={"pk": report.pk})
                ),
            }
            for report in rows
        ],
    }
