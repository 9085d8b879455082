"""Form fields that never let a malformed id reach the database.

A choice of objects is sent as ids, and anyone can send any number: 2**63 or more makes
SQLite raise OverflowError and PostgreSQL a numeric comparison the index cannot use. These
fields refuse an id outside the range of a database key with the usual "Select a valid
choice" message before any query. ModelForm gives every foreign key and many-to-many
field of a model form the same protection.
"""

from django import forms
from django.db import models
from django.forms.models import ModelFormMetaclass

MAX_ID = 2**63 - 1

# Django 5.2 warns that URL fields will assume https in 6.0: every admin chooses https
# now (ModelAdmin.formfield_overrides).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class PrivateFileInput(forms.ClearableFileInput):
    """The file input of a private file (core/storage.py): it names the current file
    without linking to it, since private files have no URL and are served only by views
    that check permission. Django's own widget asks the storage for a URL and fails."""

    template_name = "core/widgets/private_file_input.html"

    def is_initial(self, value):
        # Django's asks for the file's URL, which private files refuse.
        return bool(value and getattr(value, "name", None))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.is_initial(value):
            context["widget"]["file_name"] = value.name.rsplit("/", 1)[-1]
        return context


# For ModelAdmin.formfield_overrides of models with private files.
PRIVATE_FILES = {models.FileField: {"widget": PrivateFileInput}}


def _fits(value) -> bool:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return True  # not a number: Django's own checks refuse it with their message
    return -MAX_ID <= number <= MAX_ID


def _integer_key(field) -> bool:
    """Whether the choices are looked up by an integer column (the key, or to_field)."""
    opts = field.queryset.model._meta
    key = opts.get_field(field.to_field_name) if field.to_field_name else opts.pk
    return isinstance(key, models.IntegerField)


class ModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and _integer_key(self) and not _fits(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        if _integer_key(self):
            for pk in value:
                if not _fits(pk):
                    raise forms.ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": str(pk)[:30]},
                    )
        return super()._check_values(value)


def formfield_with_safe_ids(db_field, **kwargs):
    if isinstance(db_field, models.ForeignKey):
        kwargs.setdefault("form_class", ModelChoiceField)
    elif isinstance(db_field, models.ManyToManyField):
        kwargs.setdefault("form_class", ModelMultipleChoiceField)
    return db_field.formfield(**kwargs)


class _SafeIdsMetaclass(ModelFormMetaclass):
    def __new__(mcs, name, bases, attrs):
        meta = attrs.get("Meta")
        # Django reads formfield_callback from the form's own Meta only: give every Meta
        # that names none the safe one, so that no model form can forget it.
        if meta is not None and not hasattr(meta, "formfield_callback"):
            meta.formfield_callback = formfield_with_safe_ids
        return super().__new__(mcs, name, bases, attrs)


class ModelForm(forms.ModelForm, metaclass=_SafeIdsMetaclass):
    """The project's model form: foreign keys and many-to-many fields refuse ids that
    could never be keys."""
