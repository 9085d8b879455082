"""The roadmap rules of the Regional Reviews, as warnings for staff, never as errors.

- Pre-consultations take place at least 12 weeks before the Regional Review meeting
  (UN Network on Migration roadmap on stakeholder engagement, 2023-2025).
- The multi-stakeholder consultation is held at least one day before the meeting
  (the 2024 UNECE one was held on the morning of the same day: it breaks this rule).
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from django.utils.translation import gettext as _

from consultations.enums import SessionKind, SessionStatus
from consultations.models import RegionalReview, Session

PRE_CONSULTATION_LEAD = dt.timedelta(weeks=12)
MULTI_STAKEHOLDER_LEAD = dt.timedelta(days=1)


@dataclass(frozen=True)
class RoadmapWarning:
    session: Session
    message: str


def roadmap_warnings(review: RegionalReview, sessions: list[Session]) -> list[RoadmapWarning]:
    warnings = []
    meeting = review.meeting_date
    for session in sessions:
        if session.status == SessionStatus.CANCELLED:
            continue
        day = session.starts_at.astimezone(zoneinfo.ZoneInfo(review.time_zone)).date()
        if session.kind == SessionKind.PRE_CONSULTATION and meeting - day < PRE_CONSULTATION_LEAD:
            weeks = (meeting - day).days // 7
            warnings.append(
                RoadmapWarning(
                    session,
                    _(
                        "This pre-consultation is %(weeks)s weeks before the Regional Review "
                        "meeting; the roadmap asks for at least 12 weeks."
                    )
                    % {"weeks": weeks},
                )
            )
        if session.kind == SessionKind.MULTI_STAKEHOLDER and meeting - day < MULTI_STAKEHOLDER_LEAD:
            warnings.append(
                RoadmapWarning(
                    session,
                    _(
                        "The multi-stakeholder consultation is on %(day)s; the roadmap asks for "
                        "it to be held at least one day before the Regional Review meeting "
                        "(%(meeting)s)."
                    )
                    % {"day": day.isoformat(), "meeting": meeting.isoformat()},
                )
            )
    return warnings
