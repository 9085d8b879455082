"""Private files in an S3-compatible object store (imported only when S3_BUCKET is set,
so that machines on local files never load boto3)."""

from storages.backends.s3 import S3Storage

from core.storage import PrivateFileURLError


class PrivateS3Storage(S3Storage):
    """Objects are private (no public ACL) and url() fails, so no signed or public link to
    a CV or an ID photo is ever made; the permission-checked views stream them."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise PrivateFileURLError(
            "Private files have no URL; link to the view that checks permission instead."
        )
