import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from roundtables.validators import MAX_PDF_BYTES, validate_pdf_upload, validate_role
from tests.factories.roundtables import pdf_bytes

# The first bytes of a Windows executable ("MZ" header), renamed to look like a PDF.
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def upload(content: bytes, name: str = "cv.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def refusal(content: bytes, name: str = "cv.pdf") -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_pdf_upload(upload(content, name))
    return caught.value


def accepted(file: SimpleUploadedFile) -> bytes:
    """Validate an upload and return what storage will then read from it."""
    validate_pdf_upload(file)
    return file.read()


def test_pdf_upload_real_pdf_is_accepted():
    content = pdf_bytes(pages=2)

    assert accepted(upload(content)) == content


def test_pdf_upload_real_pdf_with_another_extension_is_accepted():
    content = pdf_bytes()
    file = SimpleUploadedFile("cv.txt", content, content_type="text/plain")

    assert accepted(file) == content


def test_pdf_upload_renamed_executable_is_refused():
    error = refusal(EXECUTABLE, name="cv.pdf")

    assert error.code == "not_pdf"
    assert error.messages == [
        "This file is not a PDF. Please save your document as PDF and upload that."
    ]


def test_pdf_upload_empty_file_is_refused():
    error = refusal(b"")

    assert error.code == "empty"
    assert error.messages == ["The file is empty. Please choose your PDF again."]


def test_pdf_upload_oversize_file_is_refused():
    content = pdf_bytes() + b"%" + b"0" * MAX_PDF_BYTES

    error = refusal(content)

    assert error.code == "too_large"
    assert error.messages == ["The file is 5.0 MB; the limit is 5 MB. Please upload a smaller PDF."]


def test_pdf_upload_exactly_5_mb_is_not_refused_for_its_size():
    real = pdf_bytes()
    content = real + b"\n%" + b"0" * (MAX_PDF_BYTES - len(real) - 2)
    assert len(content) == MAX_PDF_BYTES

    assert accepted(upload(content)) == content


def test_pdf_upload_header_without_a_readable_pdf_is_refused():
    error = refusal(b"%PDF-1.7\nthis is not really a PDF\n%%EOF\n")

    assert error.code == "unreadable"
    assert error.messages == [
        "This PDF could not be read: it may be damaged. Please export it again."
    ]


def test_pdf_upload_password_protected_pdf_is_refused():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=100, height=100)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)

    error = refusal(buffer.getvalue())

    assert error.code == "encrypted"


def test_pdf_upload_rewinds_the_file_for_storage():
    file = upload(pdf_bytes())

    validate_pdf_upload(file)

    assert file.read(5) == b"%PDF-"


def test_role_member_state_speaker_needs_a_country_of_the_region():
    with pytest.raises(ValidationError) as caught:
        validate_role(
            kind="member-state",
            has_user=False,
            name="H.E. Ambassador",
            affiliation="",
            country="BR",
            member_state_countries={"CH", "FR"},
        )

    assert caught.value.message_dict == {
        "country": ["This country is not a member State of the review's region."]
    }


def test_role_member_state_speaker_without_country_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate_role(
            kind="member-state",
            has_user=False,
            name="H.E. Ambassador",
            affiliation="",
            country="",
            member_state_countries={"CH"},
        )

    assert caught.value.message_dict == {
        "country": ["Give the country the Member State speaker represents."]
    }


def test_role_panelist_without_account_needs_name_and_affiliation():
    with pytest.raises(ValidationError) as caught:
        validate_role(
            kind="panelist",
            has_user=False,
            name="",
            affiliation="",
            country="",
            member_state_countries=None,
        )

    assert set(caught.value.message_dict) == {"name", "affiliation"}


def role_errors(**fields) -> dict[str, list[str]]:
    """The refusals validate_role gives, by field ({} when it accepts the role)."""
    try:
        validate_role(**fields)
    except ValidationError as error:
        return error.message_dict
    return {}


def test_role_moderator_with_linked_account_needs_nothing_else():
    moderator = {"kind": "moderator", "name": "", "affiliation": "", "country": ""}

    with_account = role_errors(**moderator, has_user=True, member_state_countries=None)
    without_account = role_errors(**moderator, has_user=False, member_state_countries=None)

    assert with_account == {}
    # The same blank moderator without an account is refused: the account is what counts.
    assert without_account == {
        "name": ["Link a stakeholder account, or give a name and an affiliation."],
        "affiliation": ["Give the affiliation of a moderator or panelist who has no account."],
    }


def test_role_member_state_speaker_is_checked_even_when_the_region_lists_no_member():
    with pytest.raises(ValidationError) as caught:
        validate_role(
            kind="member-state",
            has_user=False,
            name="H.E. Ambassador",
            affiliation="",
            country="CH",
            member_state_countries=set(),
        )

    assert caught.value.message_dict == {
        "country": ["This country is not a member State of the review's region."]
    }


def test_role_member_state_speaker_from_an_associate_member_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate_role(
            kind="member-state",
            has_user=False,
            name="Hon. Minister",
            affiliation="",
            country="PR",
            member_state_countries={"MX", "US"},
            associate_member_countries={"PR"},
        )

    assert caught.value.message_dict == {
        "country": [
            "An associate member of the commission is not a State: a roundtable is opened "
            "by a member State of the review's region."
        ]
    }
