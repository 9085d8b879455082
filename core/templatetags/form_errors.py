"""Template helpers for forms (templates/includes/error_summary.html)."""

from dataclasses import dataclass

from django import template

register = template.Library()


@dataclass(frozen=True)
class FieldError:
    label: str
    message: str
    target: str  # the id of the control to focus


def _target_id(bound_field) -> str:
    """The id of the first control of a field: a group of radios or checkboxes has none of
    its own (Django gives its options `<id>_0`, `<id>_1`...)."""
    widget = bound_field.field.widget
    input_type = getattr(widget, "input_type", "")
    grouped = input_type == "radio" or (
        input_type == "checkbox" and getattr(widget, "allow_multiple_selected", False)
    )
    return f"{bound_field.auto_id}_0" if grouped else bound_field.id_for_label


@register.simple_tag
def field_errors(form) -> list[FieldError]:
    """Each error of each visible field, in the order of the form, with its field's label
    and the id to link to."""
    return [
        FieldError(label=str(field.label), message=str(message), target=_target_id(field))
        for field in form.visible_fields()
        for message in field.errors
    ]
