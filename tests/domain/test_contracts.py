"""Contract rules without a database (SPEC 3, 5)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.contracts import (
    check_channels,
    check_escalation_chain,
    check_validity,
    periods_overlap,
)
from app.domain.errors import InvalidField

JAN = datetime(2027, 1, 1, tzinfo=UTC)
FEB = datetime(2027, 2, 1, tzinfo=UTC)
MAR = datetime(2027, 3, 1, tzinfo=UTC)


def test_a_contract_ends_after_it_starts() -> None:
    check_validity(JAN, None)
    check_validity(JAN, FEB)
    with pytest.raises(InvalidField) as exc:
        check_validity(FEB, FEB)
    assert exc.value.field == "valid_to"


def test_half_open_periods_that_touch_do_not_overlap() -> None:
    assert not periods_overlap(JAN, FEB, FEB, MAR)
    assert periods_overlap(JAN, MAR, FEB, None)
    assert periods_overlap(JAN, None, MAR, None)
    assert not periods_overlap(FEB, None, JAN, FEB)


def test_escalation_levels_are_1_to_n_held_by_managers() -> None:
    check_escalation_chain([(1, "regional_ops_manager"), (2, "director")])
    with pytest.raises(InvalidField) as exc:
        check_escalation_chain([(1, "support_manager"), (3, "director")])
    assert exc.value.field == "escalation_chain[1].level"
    with pytest.raises(InvalidField) as exc:
        check_escalation_chain([(1, "agent")])
    assert exc.value.field == "escalation_chain[0].role"


def test_channels_are_listed_once_and_at_least_one() -> None:
    check_channels(["portal", "email"])
    with pytest.raises(InvalidField) as exc:
        check_channels(["email", "phone", "email"])
    assert exc.value.field == "channels[2]"
    with pytest.raises(InvalidField):
        check_channels([])


def test_the_contracts_update_interval_adds_an_update_target_for_severe_levels() -> None:
    from app.domain.contracts import with_update_interval
    from app.domain.sla_policy import ClockKind, Metric, policy_from_document

    policy = policy_from_document(
        {
            "name": "P",
            "severities": [{"level": n, "name": f"S{n}"} for n in (1, 2, 3)],
            "targets": [
                {"severity": 1, "metric": "reaction", "minutes": 30, "clock": "continuous"},
                {"severity": 2, "metric": "update", "minutes": 240, "clock": "business"},
            ],
        }
    )
    effective = with_update_interval(policy, 120)
    updates = {
        (t.severity, t.minutes, t.clock) for t in effective.targets if t.metric is Metric.UPDATE
    }
    # Level 1 gains the contract's 120 continuous minutes; level 2 keeps its own target;
    # level 3 is not a severe case.
    assert updates == {(1, 120, ClockKind.CONTINUOUS), (2, 240, ClockKind.BUSINESS)}
    assert with_update_interval(policy, None) is policy
