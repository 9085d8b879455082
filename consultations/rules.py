"""Named permissions of the consultations staff pages and admin actions (see
core/permissions.py for how they are asked and what a refusal answers)."""

import rules

from core.permissions import has_role
from core.roles import SECRETARIAT_LEAD, SESSION_MANAGER

is_lead = has_role(SECRETARIAT_LEAD)
runs_sessions = is_lead | has_role(SESSION_MANAGER)

# The roadmap of a review with its warnings.
rules.add_perm("consultations.view_timeline", runs_sessions)
# Seat and registration counts of a session.
rules.add_perm("consultations.view_counts", runs_sessions)
# Check people in at the door, mark attendance (page and admin actions).
rules.add_perm("consultations.check_in", runs_sessions)
# Write to every participant of a session.
rules.add_perm("consultations.email_participants", runs_sessions)
# Approve or decline a GCM Talk request.
rules.add_perm("consultations.decide_talk", runs_sessions)
# ID document data and photos of in-person registrants.
rules.add_perm("consultations.view_accreditation", runs_sessions)
# The online join link of any session, without a registration.
rules.add_perm("consultations.view_join_links", runs_sessions)
# Promote from the waitlist, export registrations (admin actions).
rules.add_perm("consultations.manage_registrations", runs_sessions)
