"""Who may use the outreach pages: the named permission of outreach/rules.py, asked
through the product's one permission layer (core/permissions.py)."""

from core.permissions import permission_required

staff_required = permission_required("outreach.manage")
