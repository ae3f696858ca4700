"""What a preset is made of, and the small builders the presets share (SPEC 9).

Pure data. Durations are minutes: "1 working day" is the calendar's
business minutes per day, "1 month" is 30 continuous days (SPEC 3). Where a seed
leaves a number open, the preset's description states the assumption.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.business_time import business_minutes_per_day, calendar_from_document

Document = dict[str, Any]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
MONTH = 30 * 24 * 60  # "1 month" = 30 continuous days (SPEC 3)
BUSINESS, CONTINUOUS = "business", "continuous"


@dataclass(frozen=True, slots=True)
class ContractTemplate:
    """The example contract a preset creates for a customer."""

    support_level: str
    channels: tuple[str, ...]
    escalation_chain: tuple[Document, ...]
    update_interval_minutes: int | None
    description: str
    # The facts the agreement says every incident report must include (issue 13.6).
    required_facts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    title: str
    description: str
    calendar: Document
    policy: Document
    contract: ContractTemplate


def shift(
    name: str, timezone: str, start: str, end: str, country: str, subdivision: str | None = None
) -> Document:
    """A Mon-Fri shift with the country's public holidays (Appendix A)."""
    return {
        "name": name,
        "timezone": timezone,
        "hours": [{"days": list(WEEKDAYS), "start": start, "end": end}],
        "holidays": {"country": country, "subdivision": subdivision},
        "closed_dates": [],
    }


def target(severity: int, metric: str, minutes: int, clock: str, **extra: Any) -> Document:
    return {"severity": severity, "metric": metric, "minutes": minutes, "clock": clock, **extra}


def severities(*levels: tuple[str, str]) -> list[Document]:
    return [
        {"level": i, "name": name, "definition": definition}
        for i, (name, definition) in enumerate(levels, start=1)
    ]


def level(number: int, role: str, *contacts: str) -> Document:
    """An escalation level; contacts are named by function until the vendor fills them in."""
    people = [{"name": c, "email": None, "phone": None} for c in contacts]
    return {"level": number, "role": role, "contacts": people}


def working_day(calendar: Document) -> int:
    """ "1 working day" of this calendar, in business minutes (SPEC 3)."""
    return business_minutes_per_day(calendar_from_document(calendar))
