"""The documents the public API answers with. Every field is listed here on purpose:
nothing reaches a client that is not named below (no email address, join link, author
account, moderation note, CV or accreditation field)."""

import datetime as dt
from typing import Any, Generic, Literal, TypeVar

from django.conf import settings
from ninja import Schema
from pydantic import Field

from consultations.enums import SessionFormat, SessionKind, SessionStatus
from reports.enums import ReportKind
from roundtables.enums import InputType, RoleKind

T = TypeVar("T")

LanguageCode = Literal[tuple(code for code, _name in settings.LANGUAGES)]  # type: ignore[valid-type]
SessionKindCode = Literal[tuple(SessionKind.values)]  # type: ignore[valid-type]
SessionFormatCode = Literal[tuple(SessionFormat.values)]  # type: ignore[valid-type]
# Drafts are never public.
SessionStatusCode = Literal[tuple(v for v in SessionStatus.values if v != "draft")]  # type: ignore[valid-type]
InputTypeCode = Literal[tuple(InputType.values)]  # type: ignore[valid-type]
ReportKindCode = Literal[tuple(ReportKind.values)]  # type: ignore[valid-type]
RoleKindCode = Literal[tuple(RoleKind.values)]  # type: ignore[valid-type]
ModeCode = Literal["in-person", "online"]


class Error(Schema):
    detail: str | list[dict[str, Any]] = Field(
        description="What went wrong; for invalid parameters, one entry per parameter."
    )


class Page(Schema, Generic[T]):
    count: int = Field(description="How many items match, on all pages.")
    next: str | None = Field(description="The address of the next page, if any.")
    previous: str | None = Field(description="The address of the previous page, if any.")
    results: list[T]


class Country(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2 code.", examples=["CH"])
    name: str


class Region(Schema):
    code: str
    name: str
    commission: str = Field(description="The UN regional commission running its review.")
    commission_abbreviation: str


class Review(Schema):
    slug: str
    title: str
    region: Region
    meeting_date: dt.date
    venue: str
    city: str
    country: Country | None
    time_zone: str = Field(description="IANA time zone of the meeting.")
    description: str
    inputs_deadline: dt.datetime | None = Field(
        description="Deadline for written inputs, in the review's time zone."
    )
    url: str = Field(description="The review's sessions on the site.")
    sessions: str = Field(description="API address of the review's sessions.")
    roundtables: str = Field(description="API address of the review's roundtables.")


class Mode(Schema):
    mode: ModeCode
    label: str
    capacity: int | None = Field(description="Places in this mode; null for no limit.")
    seats_left: int | None = Field(description="Places still free; null for no limit.")


class RegistrationWindow(Schema):
    opens_at: dt.datetime | None
    closes_at: dt.datetime | None


class Session(Schema):
    slug: str
    review: str = Field(description="Slug of the Regional Review.")
    kind: SessionKindCode
    kind_label: str
    format: SessionFormatCode
    format_label: str
    status: SessionStatusCode
    status_label: str
    title: str
    description: str
    organisers: str
    summary: str
    starts_at: dt.datetime = Field(description="Start, with the offset of its time zone.")
    ends_at: dt.datetime
    time_zone: str = Field(description="IANA time zone the session is held in.")
    venue: str
    platform: str = Field(description="Name of the online platform (never the join link).")
    external_url: str
    languages: list[str]
    interpretation: list[str]
    modes: list[Mode]
    registration: RegistrationWindow
    url: str = Field(description="The session's page on the site, where people register.")


class Objective(Schema):
    number: int = Field(ge=1, le=23)
    title: str


class Sector(Schema):
    code: str
    name: str


class Role(Schema):
    kind: RoleKindCode
    kind_label: str
    name: str
    function: str
    affiliation: str
    country: Country | None


class Roundtable(Schema):
    number: int
    title: str
    description: str
    objectives: list[Objective]
    speakers: list[Role]
    consultations: list[str] = Field(description="Slugs of the sessions covering it.")
    inputs: str = Field(description="API address of the published inputs on it.")


class CoveredObjective(Schema):
    number: int
    title: str
    roundtables: list[int] = Field(description="Numbers of the roundtables covering it.")


class Coverage(Schema):
    objectives: list[CoveredObjective] = Field(description="All 23 GCM objectives.")
    uncovered: list[int] = Field(description="Objectives no roundtable covers.")
    in_several: list[int] = Field(description="Objectives more than one roundtable covers.")


class Roundtables(Schema):
    review: str
    roundtables: list[Roundtable]
    coverage: Coverage


class Call(Schema):
    slug: str
    review: str
    title: str
    description: str
    eligibility: str
    opens_at: dt.datetime
    deadline: dt.datetime = Field(description="Deadline, in the call's time zone.")
    time_zone: str
    places: int = Field(description="How many Rapporteurs are selected.")
    criteria: list[str]
    url: str = Field(description="The call on the site, where candidates apply.")


class Input(Schema):
    id: int
    review: str
    title: str
    text: str
    language: LanguageCode = Field(description="The language the input is written in.")
    type: InputTypeCode
    type_label: str
    attributed_to: str = Field(description="As the author chose to be named; empty if anonymous.")
    sector: Sector | None
    country: Country | None
    objectives: list[int] = Field(description="Numbers of the GCM objectives addressed.")
    roundtable: int | None = Field(description="Number of the roundtable it was filed under.")
    raised_at: str | None = Field(description="Slug of the session it was raised at orally.")
    attachment: str | None = Field(description="Address of its PDF attachment, if any.")


class ReportSubject(Schema):
    type: Literal["session", "review"]
    slug: str
    title: str


class Report(Schema):
    id: int
    kind: ReportKindCode
    kind_label: str
    language: LanguageCode
    version: int
    subject: ReportSubject
    published_at: dt.datetime
    page_count: int | None
    file_size: int | None = Field(description="Size of the PDF in bytes.")
    download: str = Field(description="Address of the PDF.")


class Index(Schema):
    openapi: str = Field(description="The OpenAPI 3 document of this API.")
    documentation: str
    licence: str
    endpoints: dict[str, str]
