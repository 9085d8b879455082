"""Datasets for download: the published stakeholder inputs and the public session list,
as CSV (formula-safe, core.spreadsheets) and JSON, under CC BY 4.0.

Each file is built on request and kept in the cache under the data's latest change
(the same selectors that give the API its ETags): publishing an input, withdrawing it
or changing a session changes the key, so the next download is built afresh and no file
can be stale; until then every download is served from the cache, with ETag and
Last-Modified for 304s. Nothing is written to disk, so every web process serves the
same file (the cache is shared in production), and nothing needs a worker.
"""

import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from consultations.enums import SessionFormat, SessionKind, SessionStatus
from consultations.selectors import session_filtered, sessions_last_change
from core.spreadsheets import csv_response
from roundtables.enums import InputType
from roundtables.selectors.inputs import inputs_last_change, inputs_published

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CACHE_SECONDS = 24 * 3600
FORMATS = ("csv", "json")


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable
    values: tuple[str, ...] = ()  # the codes a column may hold, if a fixed list


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable
    last_change: Callable


def _local(moment, zone):
    return moment.astimezone(zone).isoformat() if moment else ""


def _join(values) -> str:
    return ";".join(str(value) for value in values)


SESSION_COLUMNS = (
    Column("slug", _("Identifier of the session, also in its web address."), lambda s: s.slug),
    Column("review", _("Identifier of the Regional Review."), lambda s: s.review.slug),
    Column("kind", _("Kind of session."), lambda s: s.kind, tuple(SessionKind.values)),
    Column("format", _("Format."), lambda s: s.format, tuple(SessionFormat.values)),
    Column(
        "status",
        _("Status."),
        lambda s: s.status,
        tuple(v for v in SessionStatus.values if v != SessionStatus.DRAFT),
    ),
    Column("title", _("Title, in the language of the file where translated."), lambda s: s.title),
    Column(
        "starts_at",
        _("Start, ISO 8601 with the offset of the session's time zone."),
        lambda s: s.local_starts_at.isoformat(),
    ),
    Column("ends_at", _("End, ISO 8601 with the offset."), lambda s: s.local_ends_at.isoformat()),
    Column("time_zone", _("IANA time zone the session is held in."), lambda s: s.time_zone),
    Column("venue", _("Venue, for sessions held in person."), lambda s: s.venue),
    Column(
        "platform", _("Online platform (the join link is never published)."), lambda s: s.platform
    ),
    Column(
        "languages",
        _("Languages of the session, codes separated by semicolons."),
        lambda s: _join(s.languages or []),
    ),
    Column(
        "interpretation",
        _("Languages interpreted into, codes separated by semicolons."),
        lambda s: _join(s.interpretation or []),
    ),
    Column(
        "capacity_in_person",
        _("In-person seats; empty for no limit."),
        lambda s: s.capacity_in_person,
    ),
    Column("capacity_online", _("Online places; empty for no limit."), lambda s: s.capacity_online),
    Column(
        "registration_opens_at",
        _("When registration opens, ISO 8601."),
        lambda s: _local(s.registration_opens_at, s.tzinfo),
    ),
    Column(
        "registration_closes_at",
        _("When registration closes, ISO 8601."),
        lambda s: _local(s.registration_closes_at, s.tzinfo),
    ),
    Column("url", _("Address of the session's page."), lambda s: s.get_absolute_url()),
)

INPUT_COLUMNS = (
    Column("id", _("Number of the input."), lambda i: i.pk),
    Column("review", _("Identifier of the Regional Review."), lambda i: i.review.slug),
    Column("title", _("Title, as written."), lambda i: i.title),
    Column("text", _("Text, as written."), lambda i: i.text),
    Column("language", _("Language the input is written in."), lambda i: i.language),
    Column("type", _("Type of input."), lambda i: i.input_type, tuple(InputType.values)),
    Column(
        "attributed_to",
        _("Who it speaks for, as the author chose to be named; empty if anonymous."),
        lambda i: i.attributed_to,
    ),
    Column(
        "sector",
        _("Stakeholder sector of GCM paragraph 44 (code)."),
        lambda i: i.sector.code if i.sector else "",
    ),
    Column(
        "country",
        _("Country of the author, ISO 3166-1 alpha-2."),
        lambda i: str(i.country or ""),
    ),
    Column(
        "objectives",
        _("Numbers of the GCM objectives addressed, separated by semicolons."),
        lambda i: _join(o.number for o in i.objectives.all()),
    ),
    Column(
        "roundtable",
        _("Number of the roundtable it was filed under, if any."),
        lambda i: i.roundtable.number if i.roundtable else "",
    ),
    Column(
        "raised_at",
        _("Session at which it was raised orally, if any."),
        lambda i: i.source_session.slug if i.source_session else "",
    ),
)

DATASETS = {
    "sessions": Dataset(
        "sessions",
        _("Sessions"),
        _("Every public session of every Regional Review: consultations, GCM Talks, meetings."),
        SESSION_COLUMNS,
        lambda: session_filtered().order_by("starts_at", "pk"),
        sessions_last_change,
    ),
    "inputs": Dataset(
        "inputs",
        _("Published stakeholder inputs"),
        _("Inputs accepted by the secretariat whose authors agreed to their publication."),
        INPUT_COLUMNS,
        lambda: inputs_published(review=None).order_by("review__slug", "pk"),
        inputs_last_change,
    ),
}


def _build(dataset: Dataset, fmt: str, *, source: str) -> tuple[bytes, str]:
    rows = list(dataset.rows())
    filename = f"gcm-{dataset.name}-{get_language()}"
    if fmt == "csv":
        response = csv_response(
            filename=filename,
            header=[column.name for column in dataset.columns],
            rows=([column.value(row) for column in dataset.columns] for row in rows),
        )
        return response.content, response["Content-Type"]
    document = {
        "title": str(dataset.title),
        "description": str(dataset.description),
        "licence": {"name": LICENCE, "url": LICENCE_URL},
        "source": source,
        "language": get_language(),
        "generated_at": timezone.now().isoformat(),
        "fields": [
            {
                "name": column.name,
                "description": str(column.description),
                **({"values": list(column.values)} if column.values else {}),
            }
            for column in dataset.columns
        ],
        "records": [{column.name: column.value(row) for column in dataset.columns} for row in rows],
    }
    content = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    return content.encode(), "application/json; charset=utf-8"


def download(request, *, name: str, fmt: str) -> HttpResponse:
    dataset = DATASETS.get(name)
    if dataset is None or fmt not in FORMATS:
        raise Http404
    token, changed_at = dataset.last_change()
    key = hashlib.sha256(f"{name}|{fmt}|{get_language()}|{token}".encode()).hexdigest()
    etag = quote_etag(key[:40])
    last_modified = math.floor(changed_at.timestamp()) if changed_at else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        not_modified["ETag"] = etag
        return not_modified
    cached = cache.get(f"opendata:dataset:{key}")
    if cached is None:
        cached = _build(dataset, fmt, source=request.build_absolute_uri(request.path))
        cache.set(f"opendata:dataset:{key}", cached, CACHE_SECONDS)
    content, content_type = cached
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="gcm-{name}-{get_language()}.{fmt}"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=300"
    return response
