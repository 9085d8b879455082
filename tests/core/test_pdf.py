"""PDFs with active content are refused; plain ones pass."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from core.pdf import active_content
from roundtables.validators import validate_pdf_upload
from tests.factories.roundtables import pdf_bytes


def _write(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _with_javascript() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hello');"),
        }
    )
    tree = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("js"), writer._add_object(action)])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(tree)}
    )
    return _write(writer)


def _with_open_action_launch() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("calc.exe"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return _write(writer)


def _with_embedded_file() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_attachment("payload.exe", b"MZ\x90\x00")
    return _write(writer)


def _with_page_action() -> bytes:
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(action)})
    return _write(writer)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (_with_javascript, {"/JS", "/JavaScript"}),
        (_with_open_action_launch, {"/OpenAction", "/Launch"}),
        (_with_embedded_file, {"/EmbeddedFiles"}),
        (_with_page_action, {"/AA", "/JS", "/JavaScript"}),
    ],
)
def test_active_content_names_what_a_pdf_would_run(content, expected):
    reader = PdfReader(io.BytesIO(content()))

    assert active_content(reader) == expected


def test_active_content_of_a_plain_pdf_is_empty():
    assert active_content(PdfReader(io.BytesIO(pdf_bytes(pages=3, text="CV")))) == set()


@pytest.mark.parametrize(
    "content", [_with_javascript, _with_open_action_launch, _with_embedded_file, _with_page_action]
)
def test_pdf_upload_with_active_content_is_refused_with_a_clear_message(content):
    upload = SimpleUploadedFile("cv.pdf", content(), content_type="application/pdf")

    with pytest.raises(ValidationError) as refused:
        validate_pdf_upload(upload)

    assert refused.value.code == "active_content"
    assert "active content" in refused.value.messages[0]


def test_pdf_upload_plain_is_accepted():
    upload = SimpleUploadedFile("cv.pdf", pdf_bytes(pages=2), content_type="application/pdf")

    assert validate_pdf_upload(upload) is None
