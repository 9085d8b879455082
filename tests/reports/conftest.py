import io
import re

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from consultations.models import RegionalReview, Session

PRE_CONSULTATION = "unece-pre-consultation-2023-11-14"


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


@pytest.fixture
def demo_session(demo) -> Session:
    return Session.objects.get(slug=PRE_CONSULTATION)


@pytest.fixture
def demo_review(demo) -> RegionalReview:
    return RegionalReview.objects.get(slug="unece-2024")


def pdf_text(content: bytes) -> str:
    """The text of a PDF, its lines joined by spaces, so that a sentence broken over two
    lines is still found whole."""
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(page.extract_text() for page in reader.pages)
    # pypdf puts a space before punctuation that follows a kerned letter ("sector ,").
    return re.sub(r" ([,.;:])", r"\1", " ".join(text.split()))


def holds(text: str, passage: str) -> bool:
    """Whether a PDF's text holds a passage. A page break may put bullets and footnotes
    in the middle of a long passage, so long ones are matched by their first and last
    ten words."""
    words = passage.split()
    if len(words) <= 20:
        return passage in text
    return " ".join(words[:10]) in text and " ".join(words[-10:]) in text


def pdf_fonts(content: bytes) -> set[str]:
    """The base names of the fonts a PDF embeds ("ABCDEF+NotoSansCJKsc-Regular" gives
    "NotoSansCJKsc-Regular")."""
    reader = PdfReader(io.BytesIO(content))
    names = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names
