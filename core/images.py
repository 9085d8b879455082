"""Uploaded photos, re-encoded before they are stored."""

import io

from django.core.files.base import ContentFile

MAX_SIDE = 1600


def reencode_jpeg(upload, *, max_side: int = MAX_SIDE) -> ContentFile:
    """A fresh JPEG made from the pixels only: EXIF (camera, date, GPS position) and every
    other embedded block are left behind, the orientation is applied, and the size is
    capped. What is stored is never the file the person's device produced."""
    from PIL import Image, ImageOps

    upload.seek(0)
    with Image.open(upload) as image:
        upright = ImageOps.exif_transpose(image).convert("RGB")
    upright.thumbnail((max_side, max_side))
    buffer = io.BytesIO()
    upright.save(buffer, format="JPEG", quality=88, optimize=True)
    return ContentFile(buffer.getvalue(), name="photo.jpg")
