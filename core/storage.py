"""The private file storage: CVs, ID photos, attachments and reports. Its files live
outside MEDIA_ROOT and are served only by views that check permission."""

from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateFileURLError(RuntimeError):
    """A private file has no public address: it is served by a permission-checked view."""


class PrivateFileSystemStorage(FileSystemStorage):
    """Files outside MEDIA_ROOT. url() fails rather than fall back to MEDIA_URL, so that a
    link to a private file can never be made, nor "fixed" by serving the folder."""

    def url(self, name):
        raise PrivateFileURLError(
            "Private files have no URL; link to the view that checks permission instead."
        )


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


def get_private_storage():
    """Callable for FileField(storage=...), so migrations refer to it by name."""
    return private_storage


@receiver(setting_changed)
def _reset_private_storage(*, setting, **kwargs):
    if setting in {"STORAGES", "PRIVATE_MEDIA_ROOT"}:
        private_storage._wrapped = empty
