"""The models of roundtables, one module per domain: clusters (the roundtables and their
panels), inputs (stakeholder inputs), outcomes (key messages) and rapporteur (the call for a
stakeholder Rapporteur). Importing from here keeps one path for Django and migrations."""

from roundtables.models.clusters import Roundtable, RoundtableRole
from roundtables.models.inputs import StakeholderInput, input_attachment_path
from roundtables.models.outcomes import KeyMessage
from roundtables.models.rapporteur import (
    Application,
    ApplicationStatusChange,
    Criterion,
    RapporteurCall,
    Recusal,
    Score,
    cv_path,
    new_reference,
)

__all__ = [
    "Application",
    "ApplicationStatusChange",
    "Criterion",
    "KeyMessage",
    "RapporteurCall",
    "Recusal",
    "Roundtable",
    "RoundtableRole",
    "Score",
    "StakeholderInput",
    "cv_path",
    "input_attachment_path",
    "new_reference",
]
