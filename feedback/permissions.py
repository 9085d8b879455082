"""Who may see survey results: the named permission of feedback/rules.py, asked through
the product's one permission layer (core/permissions.py). Answers are never shown to
stakeholders; staff see them without names."""

from core.permissions import permission_required

staff_required = permission_required("feedback.view_results")
