"""Named permissions of the audit trail (see core/permissions.py)."""

import rules

from core.permissions import has_role
from core.roles import SECRETARIAT_LEAD

# Read the trail of access to personal data (the admin's audit events).
rules.add_perm("audit.view_events", has_role(SECRETARIAT_LEAD))
