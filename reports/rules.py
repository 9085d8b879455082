"""Named permissions of the report pages, the staff status API and the report admin
(see core/permissions.py)."""

import rules

from core.permissions import has_role
from core.roles import REPORT_EDITOR, SECRETARIAT_LEAD

edits_reports = has_role(SECRETARIAT_LEAD) | has_role(REPORT_EDITOR)

# Open unpublished versions, follow a render, download a draft.
rules.add_perm("reports.view_drafts", edits_reports)
# Start a render, or a new version.
rules.add_perm("reports.render_report", edits_reports)
# Publish a version, or withdraw it.
rules.add_perm("reports.publish_version", edits_reports)
