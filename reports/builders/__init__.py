"""Builders gather, for each kind of report, the data it prints into plain dataclasses.
They read the database through selectors and nothing else; the renderer turns their
output into PDF."""

from reports.builders.inputs import InputsReport, build_inputs
from reports.builders.outcome import OutcomeReport, build_outcome
from reports.builders.summary import SummaryReport, build_summary

__all__ = [
    "InputsReport",
    "OutcomeReport",
    "SummaryReport",
    "build_for",
    "build_inputs",
    "build_outcome",
    "build_summary",
]


def build_for(*, kind: str, subject, language: str):
    """The data of a report of this kind about this session or review."""
    if kind == "summary":
        return build_summary(session=subject, language=language)
    if kind == "outcome":
        return build_outcome(review=subject, language=language)
    if kind == "inputs":
        return build_inputs(review=subject, language=language)
    raise ValueError(f"Unknown kind of report: {kind}")
