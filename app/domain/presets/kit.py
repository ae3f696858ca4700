"""What a preset is made of, and the small builders the presets share (SPEC 9).

Pure data. Durations are minutes: "1 working day" is the calendar's
business minutes per day, "1 month" is 30 continuous days (SPEC 3). Where a seed
leaves a number open, the preset's description states the assumption.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.business_time import business_minutes_per_day, calendar_from_document
from app.domain.errors import InvalidField

Document = dict[str, Any]
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
MONTH = 30 * 24 * 60  # "1 month" = 30 continuous days (SPEC 3)
BUSINESS, CONTINUOUS = "business", "continuous"


class InvalidPresetParameter(InvalidField):
    """A value given to apply a preset is unknown to it or not valid (422 naming it)."""

    type_slug = "invalid-preset-parameter"
    title = "A preset parameter is not valid"


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
class Parameter:
    """A value given when the preset is applied; `calendar_field` is where it lands in the
    calendar document, so a bad value is reported under the parameter's own name."""

    name: str
    description: str
    default: str | None
    calendar_field: str


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    title: str
    description: str
    calendar: Document
    policy: Document
    contract: ContractTemplate
    parameters: tuple[Parameter, ...] = ()


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


def hours(days: tuple[str, ...] | list[str], start: str, end: str) -> Document:
    """One weekly window of a shift (Appendix A); a night shift is two of these."""
    return {"days": list(days), "start": start, "end": end}


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
