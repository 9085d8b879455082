"""Named permissions of participants' feedback (see core/permissions.py)."""

import rules

from core.permissions import has_role
from core.roles import REPORT_EDITOR, SECRETARIAT_LEAD, SESSION_MANAGER

# Survey results per session and review (never with names).
rules.add_perm(
    "feedback.view_results",
    has_role(SECRETARIAT_LEAD) | has_role(SESSION_MANAGER) | has_role(REPORT_EDITOR),
)
