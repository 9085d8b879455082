"""Status transitions, declared once per stateful model and checked in one place.

Each stateful model (a registration, an input, an application, a report) declares a
`Transitions` table in its app's enums: for each status, the statuses it may move to.
Services call `check()` before they change a status; a move the table does not allow is
refused with a DomainError, whoever asked (a view, an admin action, a task).
"""

from collections.abc import Iterable, Mapping

from django.utils.translation import gettext as _

from core.errors import DomainError


class Transitions:
    def __init__(self, table: Mapping[str, Iterable[str]]):
        self.table = {
            str(source): frozenset(map(str, targets)) for source, targets in table.items()
        }

    def allows(self, source: str, target: str) -> bool:
        return str(target) in self.table.get(str(source), frozenset())

    def targets(self, source: str) -> frozenset[str]:
        return self.table.get(str(source), frozenset())

    def check(self, source: str, target: str, *, message: str | None = None) -> None:
        """Raise DomainError(code="transition") unless the table allows the move."""
        if not self.allows(source, target):
            raise DomainError(
                message or _("This change of status is not possible any more."),
                code="transition",
            )
