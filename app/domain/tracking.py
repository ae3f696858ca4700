"""Human tracking numbers: `SD-2026-000123` (SPEC 4, Create; SPEC 6, E-mail in)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "SD"
_PATTERN = re.compile(rf"\b{PREFIX}-(\d{{4}})-(\d{{6,9}})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True, order=True)
class TrackingNumber:
    year: int
    sequence: int

    def __str__(self) -> str:
        return format_tracking_number(self.year, self.sequence)


def format_tracking_number(year: int, sequence: int) -> str:
    """`SD-<year>-<sequence>`, the sequence zero-padded to six digits (wider past 999999)."""
    if not 1000 <= year <= 9999:
        raise ValueError(f"year {year} is not a four-digit year")
    if sequence < 1:
        raise ValueError("tracking sequences start at 1")
    return f"{PREFIX}-{year:04d}-{sequence:06d}"


def parse_tracking_number(text: str) -> TrackingNumber | None:
    """The tracking number `text` is exactly (case and surrounding spaces ignored), or None."""
    match = _PATTERN.fullmatch(text.strip())
    return None if match is None else _from_match(match)


def find_tracking_number(subject: str) -> TrackingNumber | None:
    """The first tracking number inside an e-mail subject (`Re: [SD-2026-000123] …`)."""
    match = _PATTERN.search(subject)
    return None if match is None else _from_match(match)


def _from_match(match: re.Match[str]) -> TrackingNumber | None:
    sequence = int(match.group(2))
    if sequence < 1:
        return None
    return TrackingNumber(int(match.group(1)), sequence)
