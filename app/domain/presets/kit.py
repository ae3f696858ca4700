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


def level(number: int, role: str, title: str, *, mailbox: str | None = None) -> Document:
    """An escalation level as the agreement writes it: the role, the agreement's title for
    it, and the local part of the role mailbox it publishes (`supportmanager`), built on
    the deployment's mail domain when the preset is applied (`escalation_chain`). Named
    people are configuration, not code: admins add them to the contract's chain."""
    return {"level": number, "role": role, "title": title, "contacts": [], "mailbox": mailbox}


def escalation_chain(template: ContractTemplate, mail_domain: str) -> list[Document]:
    """The template's chain with each role mailbox on `mail_domain` (`supportmanager@…`)."""
    return [
        lvl | {"mailbox": f"{lvl['mailbox']}@{mail_domain}" if lvl.get("mailbox") else None}
        for lvl in template.escalation_chain
    ]


def working_day(calendar: Document) -> int:
    """ "1 working day" of this calendar, in business minutes (SPEC 3)."""
    return business_minutes_per_day(calendar_from_document(calendar))
