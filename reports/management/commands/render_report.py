"""Render a report synchronously, with the same builder and renderer as the worker:

    python manage.py render_report summary unece-pre-consultation-2023-11-14 \
        --language en --output x.pdf
    python manage.py render_report outcome unece-2024 --language ar --output outcome-ar.pdf

It writes the file only; no report version is recorded.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reports import kinds
from reports.services import render_document


class Command(BaseCommand):
    help = (
        "Render a summary report (session slug), outcome report or inputs analysis "
        "(review slug) to a PDF file."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(kinds.KINDS))
        parser.add_argument("slug", help="A session's slug (summary) or a review's slug.")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[c for c, _n in settings.LANGUAGES],
        )
        parser.add_argument("--output", help="File to write (default: the report's file name).")

    def handle(self, *args, kind, slug, language, output=None, **options):
        report_type = kinds.get(kind)
        subject = report_type.load(slug=slug)
        if subject is None:
            name = report_type.subject_model._meta.verbose_name
            raise CommandError(f"No {name} with the slug “{slug}”.")
        filename = report_type.filename(slug=slug, language=language)
        data, rendered = render_document(
            kind=kind, subject=subject, language=language, filename=filename
        )
        path = Path(output or rendered.filename)
        try:
            path.write_bytes(rendered.content)
        except OSError as exc:
            raise CommandError(f"Cannot write {path}: {exc}") from exc
        for warning in data.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        fallback = " (some content in English: not yet translated)" if data.used_fallback else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {path}: {rendered.page_count} pages, {len(rendered.content)} bytes, "
                f"{rendered.html_seconds + rendered.pdf_seconds:.2f} s{fallback}"
            )
        )
