"""The private storage with a switch that makes it read-only, as a file system remounted
read-only would be: every write fails with EROFS while the file named by
FAULTS_READONLY_FLAG exists. Used only by faults/settings.py."""

import errno
import os

from core.storage import PrivateFileSystemStorage


def _refuse_when_switched() -> None:
    flag = os.environ.get("FAULTS_READONLY_FLAG")
    if flag and os.path.exists(flag):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))


class ReadOnlySwitch(PrivateFileSystemStorage):
    def _save(self, name, content):
        _refuse_when_switched()
        return super()._save(name, content)

    def delete(self, name):
        _refuse_when_switched()
        return super().delete(name)
