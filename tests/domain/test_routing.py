"""Follow the sun (SPEC 4): open centre first, else the next to open."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from app.domain.calendar_document import calendar_from_document
from app.domain.routing import operations_centre

# Keepnet-like: UK 09:00–18:00 London, US 06:00–16:00 New York (SPEC 9).
CALENDAR = calendar_from_document(
    {
        "name": "Keepnet",
        "shifts": [
            {
                "name": "UK",
                "timezone": "Europe/London",
                "holidays": None,
                "hours": [
                    {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "09:00", "end": "18:00"}
                ],
            },
            {
                "name": "US",
                "timezone": "America/New_York",
                "holidays": None,
                "hours": [
                    {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "06:00", "end": "16:00"}
                ],
            },
        ],
    }
)
UTC = ZoneInfo("UTC")


def test_case_goes_to_the_centre_open_at_creation() -> None:
    # Wed 2027-03-03 10:00 London (UTC+0) = 05:00 New York: only the UK is open.
    assert operations_centre(CALENDAR, datetime(2027, 3, 3, 10, 0, tzinfo=UTC)) == "UK"
    # 19:00 London = 14:00 New York: only the US is open.
    assert operations_centre(CALENDAR, datetime(2027, 3, 3, 19, 0, tzinfo=UTC)) == "US"


def test_out_of_hours_case_goes_to_the_next_centre_to_open() -> None:
    # 22:00 UTC = 17:00 New York: both closed. Thursday the UK opens at 09:00Z and the
    # US at 06:00 New York = 11:00Z, so the UK is next.
    assert operations_centre(CALENDAR, datetime(2027, 3, 3, 22, 0, tzinfo=UTC)) == "UK"
    # Saturday: both closed until Monday; UK opens 09:00Z, US 11:00Z.
    assert operations_centre(CALENDAR, datetime(2027, 3, 6, 12, 0, tzinfo=UTC)) == "UK"


def test_overlap_goes_to_the_first_listed_centre() -> None:
    # 12:00 London = 07:00 New York: both open; the first listed wins.
    assert operations_centre(CALENDAR, datetime(2027, 3, 3, 12, 0, tzinfo=UTC)) == "UK"
