"""Factories for roundtables, inputs, Rapporteur calls and applications."""

import datetime as dt
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gcm.models import Sector
from roundtables.enums import ApplicationStatus, InputStatus, InputType
from roundtables.models import (
    Application,
    Criterion,
    RapporteurCall,
    Roundtable,
    RoundtableRole,
    StakeholderInput,
)
from tests.factories import ReviewFactory, stakeholder


def pdf_bytes(pages: int = 1, text: str = "") -> bytes:
    """A real, readable PDF made with pypdf."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(width=595, height=842)
    if text:
        writer.add_metadata({"/Title": text})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_upload(name: str = "my-cv.pdf", content: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, pdf_bytes() if content is None else content, content_type="application/pdf"
    )


class RoundtableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Roundtable
        skip_postgeneration_save = True

    review = factory.SubFactory(ReviewFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Roundtable {o.number}")

    @factory.post_generation
    def objectives(obj, create, extracted, **kwargs):
        if create and extracted:
            from gcm.models import Objective

            obj.objectives.set(Objective.objects.filter(number__in=extracted))


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoundtableRole

    roundtable = factory.SubFactory(RoundtableFactory)
    kind = "panelist"
    name = factory.Sequence(lambda n: f"Panelist {n}")
    affiliation = "Civil society network"


class CallFactory(factory.django.DjangoModelFactory):
    """An open call: opened yesterday, closes in ten days."""

    class Meta:
        model = RapporteurCall
        skip_postgeneration_save = True

    review = factory.SubFactory(ReviewFactory)
    slug = factory.Sequence(lambda n: f"call-{n}")
    title = factory.Sequence(lambda n: f"Call for a Rapporteur {n}")
    description = "Convey the outcomes of the multi-stakeholder consultation."
    eligibility = "All relevant stakeholders of the region."
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    deadline = factory.LazyFunction(
        lambda: (timezone.now() + dt.timedelta(days=10)).replace(microsecond=0)
    )
    time_zone = "Europe/Zurich"

    @factory.post_generation
    def criteria(obj, create, extracted, **kwargs):
        if create:
            for position, name in enumerate(extracted or ("Experience", "Voice"), start=1):
                Criterion.objects.create(call=obj, position=position, name=name)


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    user = factory.LazyFunction(stakeholder)
    motivation = "I want to convey what stakeholders said."
    experience = "Ten years with migrant communities."
    languages = factory.LazyFunction(lambda: ["en"])
    sector = factory.LazyFunction(lambda: Sector.objects.get(code="civil-society"))
    country_of_residence = "CH"
    gender = "woman"
    cv = factory.LazyFunction(lambda: pdf_upload())
    cv_original_name = "my-cv.pdf"
    status = ApplicationStatus.SUBMITTED


class InputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StakeholderInput
        skip_postgeneration_save = True

    review = factory.SubFactory(ReviewFactory)
    author = factory.LazyFunction(stakeholder)
    title = factory.Sequence(lambda n: f"Input {n}")
    text = "Ensure access to basic services for all migrants."
    language = "en"
    input_type = InputType.CONTENT
    status = InputStatus.SUBMITTED
    publish_consent = True
    sector = factory.LazyFunction(lambda: Sector.objects.get(code="civil-society"))
    country = "CH"

    @factory.post_generation
    def objectives(obj, create, extracted, **kwargs):
        if create and extracted:
            from gcm.models import Objective

            obj.objectives.set(Objective.objects.filter(number__in=extracted))


def close_call(call: RapporteurCall) -> RapporteurCall:
    """Move a call's deadline into the past (and its opening before it)."""
    now = timezone.now()
    RapporteurCall.objects.filter(pk=call.pk).update(
        opens_at=now - dt.timedelta(days=20), deadline=now - dt.timedelta(minutes=1)
    )
    call.refresh_from_db()
    return call
