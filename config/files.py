"""Serving files from the private storage, after the calling view has checked permission."""

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
