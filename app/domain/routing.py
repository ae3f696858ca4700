"""Follow the sun: which operations centre takes a new case (SPEC 4)."""

from __future__ import annotations

from datetime import datetime

from app.domain.business_time import next_opening
from app.domain.calendar_model import Calendar


def operations_centre(calendar: Calendar, created_at: datetime) -> str | None:
    """The shift open at creation; else the next one to open. Ties go to the first listed.

    Answers `None` for a calendar whose shifts never open (refused when written).
    """
    best: tuple[datetime, int, str] | None = None
    for index, shift in enumerate(calendar.shifts):
        if not shift.has_hours:
            continue
        opening = next_opening(Calendar(calendar.name, (shift,)), created_at)
        candidate = (opening, index, shift.name or f"shift {index + 1}")
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return None if best is None else best[2]
