"""Builders gather, for each kind of report, the data it prints into plain dataclasses.
They read the database and nothing else; the renderer turns their output into PDF."""

from reports.builders.summary import SummaryReport, build_summary, session_for_summary

__all__ = ["SummaryReport", "build_summary", "session_for_summary"]
