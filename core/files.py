"""Serving files from the private storage, after the calling view has checked permission."""

from django.db import transaction
from django.http import FileResponse, Http404


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


def save_upload(field_file, upload) -> None:
    """Store an upload under the field's own generated name (never the uploaded one, which
    may identify the person)."""
    field_file.save("upload.pdf", upload, save=False)


def delete_file_on_commit(storage, name: str) -> None:
    """Delete a replaced or orphaned private file once the transaction has committed, so
    that a rollback never leaves a row pointing at a deleted file."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))
