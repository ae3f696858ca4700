"""Which contract governs a case raised at an instant (SPEC 3): a pure rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from app.domain.contracts import in_force


@dataclass(frozen=True)
class Period:
    name: str
    valid_from: datetime
    valid_to: datetime | None


def at(year: int, month: int = 1) -> datetime:
    return datetime(year, month, 1, tzinfo=UTC)


OLD = Period("old", at(2024), at(2026))
NEW = Period("new", at(2026), None)


def test_the_contract_valid_at_the_instant_governs() -> None:
    assert in_force([OLD, NEW], at(2025)) is OLD
    assert in_force([OLD, NEW], at(2027)) is NEW


def test_validity_is_half_open() -> None:
    assert in_force([OLD], at(2024)) is OLD
    assert in_force([OLD], at(2026)) is None
    assert in_force([OLD, NEW], at(2026)) is NEW


def test_before_any_contract_nothing_governs() -> None:
    assert in_force([OLD, NEW], at(2023)) is None
    assert in_force([], at(2025)) is None


def test_of_overlapping_contracts_the_one_that_began_last_governs() -> None:
    renewal = Period("renewal", at(2025, 6), None)
    assert in_force([OLD, renewal], at(2025, 7)) is renewal
    assert in_force([renewal, OLD], at(2025, 7)) is renewal
