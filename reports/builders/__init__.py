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
    "build_inputs",
    "build_outcome",
    "build_summary",
]
