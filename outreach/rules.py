"""Named permissions of the outreach pages: the directory, imports and campaigns (see
core/permissions.py for how they are asked and what a refusal answers)."""

import rules

from core.permissions import has_role
from core.roles import SECRETARIAT_LEAD, SESSION_MANAGER

# The stakeholder directory, its imports, merges and exports, and invitation campaigns.
rules.add_perm("outreach.manage", has_role(SECRETARIAT_LEAD) | has_role(SESSION_MANAGER))
