"""The one error type of the domain.

A service raises `DomainError` when a rule refuses what someone asked (a closed call, a
full session, a decision already taken). Its message is translated and written for the
person who asked; `code` lets a caller branch without parsing text; `field` names the form
field the message belongs to, if any. Form validation stays with Django's
`ValidationError`; business rules use this.

Views show it in one way, `show_error`: on the form when there is one (beside its field
where it names one), otherwise as a message above the page.
"""

from django.contrib import messages


class DomainError(Exception):
    def __init__(self, message: str, *, code: str = "invalid", field: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.code = code
        self.field = field

    def __str__(self) -> str:
        return self.message


def show_error(request, error: DomainError, *, form=None) -> None:
    """Show a refused action to the person who asked: on the form (beside the field it
    names, if the form has that field), or as a message above the page."""
    if form is not None:
        form.add_error(error.field if error.field in form.fields else None, error.message)
    else:
        messages.error(request, error.message)
