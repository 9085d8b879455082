"""Serving files from the private storage, after the calling view has checked permission,
and storing uploads so that a storage failure is a message, never a 500."""

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.translation import gettext

from core.errors import DomainError

logger = logging.getLogger(__name__)


def storage_errors() -> tuple[type[Exception], ...]:
    """What a storage backend raises when it cannot write: OSError from the file system
    (disk full, read-only, gone), botocore's errors from the object store. botocore is
    looked up only when loaded: without it no S3 storage is in use, and machines on local
    files never import it."""
    errors: tuple[type[Exception], ...] = (OSError,)
    if "botocore.exceptions" in sys.modules:
        from botocore.exceptions import BotoCoreError, ClientError

        errors += (BotoCoreError, ClientError)
    return errors


@contextmanager
def storage_write(*, field: str | None = None) -> Iterator[None]:
    """Turn a storage failure inside the block into a DomainError for the person who
    uploaded (beside the form field `field`), so that the form is shown again with what
    they typed instead of a 500. Raised inside the service's transaction, it rolls the
    row back too."""
    try:
        yield
    except storage_errors() as exc:
        logger.exception("The file storage failed to store an upload")
        raise DomainError(
            gettext(
                "Your file could not be stored just now because of a technical problem on "
                "our side. Nothing was saved; please choose the file again and resubmit in "
                "a few minutes."
            ),
            code="storage",
            field=field,
        ) from exc


def private_file_response(
    field_file, *, filename: str, content_type: str, as_attachment: bool = True
) -> FileResponse:
    """Stream a private file (CV, ID photo, attachment, report). The caller must already
    have decided that the requester may see it; a missing file is a 404, never a 500."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError) as exc:
        raise Http404 from exc
    response = FileResponse(
        handle, as_attachment=as_attachment, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def save_upload(field_file, upload, *, name: str = "upload.pdf") -> None:
    """Store an upload under the field's own generated name (never the uploaded one, which
    may identify the person). A storage failure is a DomainError beside the field (see
    storage_write): every upload of the project is stored through here."""
    with storage_write(field=field_file.field.name):
        field_file.save(name, upload, save=False)


def delete_file_on_commit(storage, name: str) -> None:
    """Delete a replaced or orphaned private file once the transaction has committed, so
    that a rollback never leaves a row pointing at a deleted file."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))
