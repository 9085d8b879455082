"""The private file storage: CVs, ID photos, attachments and reports. Its files live
outside MEDIA_ROOT and are served only by views that check permission."""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


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
