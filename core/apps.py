from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer every app may use: domain errors, private storage, file
    responses and spreadsheet writers. It imports no project app."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.urls import register_converter

        from core.converters import IdConverter

        # Object keys in URLs (<id:pk>): digits only, at most 18 of them.
        register_converter(IdConverter, "id")
