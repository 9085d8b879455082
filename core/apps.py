from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The bottom layer every app may use: domain errors, private storage, file
    responses and spreadsheet writers. It imports no project app."""

    name = "core"
    verbose_name = "Core"
