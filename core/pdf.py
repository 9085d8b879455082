"""What an uploaded PDF may contain. CVs and input attachments are opened by staff and,
once published, by anyone: a PDF that runs something when opened is refused."""

import logging
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

logger = logging.getLogger(__name__)

# Keys that make a PDF act rather than show: scripts, actions run on opening or on
# events, launching programs, embedded files, multimedia and XFA forms.
ACTIVE_KEYS = frozenset(
    {"/JS", "/JavaScript", "/OpenAction", "/AA", "/Launch", "/EmbeddedFile", "/EmbeddedFiles"}
    | {"/RichMedia", "/XFA"}
)
ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/Rendition"})
MAX_NODES = 200_000


class TooComplex(Exception):
    """The document has more objects than a CV or a paper needs; it is not read further."""


def active_content(reader) -> set[str]:
    """The active features a PDF contains (empty for a plain document). Walks every object
    reachable from the document's root once."""
    found: set[str] = set()
    seen: set[int] = set()
    stack = [reader.trailer["/Root"]]
    nodes = 0
    while stack:
        item = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            raise TooComplex
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                if key in ACTIVE_KEYS:
                    found.add(key)
                if key == "/S" and isinstance(value, NameObject) and value in ACTIVE_ACTIONS:
                    found.add(str(value))
                stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return found


MAX_PDF_BYTES = 5 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def validate_pdf_upload(upload) -> None:
    """A PDF of at most 5 MB, recognised by what it contains, not by its name or the
    content type the browser claims: it must start like a PDF and pypdf must be able to
    read its pages. A renamed executable, an empty file or a damaged PDF is refused."""
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty. Please choose your PDF again."), code="empty")
    if size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is 5 MB. Please upload a smaller PDF.")
            % {"size": f"{size / (1024 * 1024):.1f}"},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    # The PDF standard allows a little garbage before the header; readers look in the
    # first 1024 bytes.
    if PDF_MAGIC not in head:
        raise ValidationError(
            _("This file is not a PDF. Please save your document as PDF and upload that."),
            code="not_pdf",
        )
    _check_pdf_structure(upload)
    upload.seek(0)


def _check_pdf_structure(upload) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(upload, strict=False)
            if reader.is_encrypted:
                raise ValidationError(
                    _(
                        "This PDF is protected by a password. Please upload a copy "
                        "without a password, so that staff can open it."
                    ),
                    code="encrypted",
                )
            pages = len(reader.pages)
            active = active_content(reader)
    except ValidationError:
        raise
    except (
        PyPdfError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        AttributeError,
        OSError,
        RecursionError,
        TooComplex,
    ):
        # pypdf raises many kinds of error on a damaged file; all mean "unreadable".
        logger.info("Refused an unreadable PDF upload", exc_info=True)
        pages, active = 0, set()
    if pages == 0:
        raise ValidationError(
            _("This PDF could not be read: it may be damaged. Please export it again."),
            code="unreadable",
        )
    if active:
        logger.info("Refused a PDF upload with active content: %s", sorted(active))
        raise ValidationError(
            _(
                "This PDF contains active content (scripts, actions that run when it is "
                "opened, or embedded files), which cannot be accepted for safety. Please "
                'print it to a new PDF ("Save as PDF") and upload that.'
            ),
            code="active_content",
        )
