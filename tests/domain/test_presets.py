"""Every preset is valid configuration, without a database (SPEC 9)."""

from __future__ import annotations

import pytest

from app.domain.business_time import business_minutes_per_day, calendar_from_document
from app.domain.contracts import Channel, check_channels, check_escalation_chain
from app.domain.errors import NotFound
from app.domain.presets import PRESETS, all_presets, preset
from app.domain.sla_policy import policy_from_document


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_builds_a_valid_calendar_policy_and_contract(name: str) -> None:
    p = preset(name)
    assert p.name == name and p.title and p.description
    calendar = calendar_from_document(p.calendar)
    policy = policy_from_document(p.policy)
    assert policy.targets, "every preset promises something"
    assert business_minutes_per_day(calendar) > 0
    check_channels(list(p.contract.channels))
    assert {Channel(c) for c in p.contract.channels}
    check_escalation_chain([(lvl["level"], lvl["role"]) for lvl in p.contract.escalation_chain])
    # Customers choose by these definitions (SPEC 3).
    assert all(s.definition for s in policy.severities)


def test_working_days_follow_the_calendar() -> None:
    # Aarenet 08:00-18:00 = 600; Bicom CET + EST 09:00-17:00 each = 08:00-22:00Z = 840;
    # Keepnet UK 09:00-18:00 + US 06:00-16:00 ET = 09:00-21:00Z = 720.
    minutes = {
        p.name: business_minutes_per_day(calendar_from_document(p.calendar)) for p in all_presets()
    }
    assert minutes["aarenet-standard"] == 600
    assert minutes["bicom"] == 840
    assert minutes["keepnet"] == 720


def test_an_unknown_preset_is_not_found() -> None:
    with pytest.raises(NotFound):
        preset("zendesk")
